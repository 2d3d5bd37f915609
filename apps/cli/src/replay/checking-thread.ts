import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ShareOptions } from './check-share';
import { takenCounter } from './handed-balance';
import type { MainBatch } from './main-batch';
import { mainBatches, MainBatches } from './main-batches';
import { checkUnreadShare, UnreadShareChecked } from './unread-share';

/**
 * The bundle the build makes of `check-worker.ts`. Run from the sources (the specs), there is
 * none: a replay then checks and folds in one thread, as it does a small file.
 */
const WORKER_FILE = join(__dirname, 'replay-check.js');

/**
 * Below this size a second thread's start (loading the domain's codecs anew) costs more than
 * sharing the work saves.
 */
export const CHECKING_THREAD_FROM_BYTES = 32 * 1024 * 1024;

/** Whether a replay of `file` shares its lines with a checking thread. */
export const checksInOwnThread = (file: string): boolean =>
  existsSync(WORKER_FILE) && (statSync(file, { throwIfNoEntry: false })?.size ?? 0) >= CHECKING_THREAD_FROM_BYTES;

/** What the checking thread is started with: what to check, and the count of the batches the main thread has taken. */
export interface CheckingData extends ShareOptions {
  readonly taken: Int32Array;
}

/** What the checking thread sends: the main thread's lines and records as it goes, then its report. */
export type CheckingMessage = { readonly batch: MainBatch } | { readonly checked: UnreadShareChecked };

export interface CheckingThread {
  /** The checked unread share; rejected when the thread fails. */
  readonly checked: Promise<UnreadShareChecked>;
  /** The main thread's lines and records, as they arrive. */
  readonly batches: MainBatches;
  /** Ends the thread, whether or not its check is done. */
  stop(): Promise<void>;
}

/** The end of a check, or its failure, told to whoever waits for its batches. */
const receiving = (batches: MainBatches, checked: Promise<UnreadShareChecked>): Promise<UnreadShareChecked> =>
  checked.then(
    (report) => {
      batches.end();
      return report;
    },
    (error: unknown) => {
      batches.fail(error);
      throw error;
    },
  );

/** Starts reading the file, and checking its unread and handed shares, in a thread of its own. */
export const startCheckingThread = (options: ShareOptions): CheckingThread => {
  const { events, view, asOf, providerId, communityId, stream } = options;
  const taken = takenCounter();
  const { handedEighths } = options;
  const workerData: CheckingData = { events, view, asOf, providerId, communityId, stream, handedEighths, taken };
  const worker = new Worker(WORKER_FILE, { workerData });
  const batches = mainBatches(taken);
  const checked = new Promise<UnreadShareChecked>((resolve, reject) => {
    worker.on('message', (message: CheckingMessage) => {
      if ('batch' in message) batches.add(message.batch);
      else resolve(message.checked);
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the thread checking the event file stopped without its report (exit code ${code})`)),
    );
  });
  return {
    checked: receiving(batches, checked),
    batches,
    stop: async () => {
      await worker.terminate();
    },
  };
};

/**
 * The same check run in this thread, its batches passed through the structured clone a thread's
 * messages take: what the specs compare with the replay on one thread. Its share of the lines
 * handed over never changes, as nothing here may wait for this thread.
 */
export const checkInThisThread = (options: ShareOptions): CheckingThread => {
  const batches = mainBatches();
  const checked = checkUnreadShare(options, (batch) => batches.add(structuredClone(batch)));
  return { checked: receiving(batches, checked), batches, stop: async () => undefined };
};
