import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ShareOptions } from './check-share';
import type { UnreadShareChecked } from './unread-share';

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

export interface CheckingThread {
  /** The checked unread share; rejected when the thread fails. */
  readonly checked: Promise<UnreadShareChecked>;
  /** Ends the thread, whether or not its check is done. */
  stop(): Promise<void>;
}

/** Starts checking the unread share of the file in a thread of its own. */
export const startCheckingThread = (options: ShareOptions): CheckingThread => {
  const { events, view, asOf, providerId, communityId, stream } = options;
  const worker = new Worker(WORKER_FILE, { workerData: { events, view, asOf, providerId, communityId, stream } });
  const checked = new Promise<UnreadShareChecked>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the thread checking the event file stopped without its report (exit code ${code})`)),
    );
  });
  return {
    checked,
    stop: async () => {
      await worker.terminate();
    },
  };
};
