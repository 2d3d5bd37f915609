import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckOptions, VerdictMessage } from './line-verdicts';

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

/** Whether a replay of `file` checks its lines in a thread of their own. */
export const checksInOwnThread = (file: string): boolean =>
  existsSync(WORKER_FILE) && (statSync(file, { throwIfNoEntry: false })?.size ?? 0) >= CHECKING_THREAD_FROM_BYTES;

export interface CheckingThread {
  readonly verdicts: AsyncIterator<VerdictMessage>;
  /** Ends the thread, whether or not its check is done. */
  stop(): Promise<void>;
}

/** Starts checking the file in a thread of its own; its verdicts arrive in order, as they are made. */
export const startCheckingThread = (options: CheckOptions): CheckingThread => {
  const worker = new Worker(WORKER_FILE, { workerData: { ...options } });
  const arrived: VerdictMessage[] = [];
  let failed: { error: unknown } | undefined;
  let waiting: (() => void) | undefined;
  const wake = () => {
    waiting?.();
    waiting = undefined;
  };
  worker.on('message', (message: VerdictMessage) => {
    arrived.push(message);
    wake();
  });
  worker.on('error', (error) => {
    failed ??= { error };
    wake();
  });
  worker.on('exit', (code) => {
    failed ??= { error: new Error(`the thread checking the event file stopped (exit code ${code})`) };
    wake();
  });
  let taken = 0;
  const verdicts: AsyncIterator<VerdictMessage> = {
    next: async () => {
      while (taken === arrived.length && failed === undefined)
        await new Promise<void>((resolve) => (waiting = resolve));
      if (taken < arrived.length) {
        const value = arrived[taken]!;
        // Taken messages are let go: the queue would otherwise hold every verdict of the file.
        arrived[taken++] = undefined as never;
        return { done: false, value };
      }
      throw failed!.error;
    },
  };
  return {
    verdicts,
    stop: async () => {
      await worker.terminate();
    },
  };
};
