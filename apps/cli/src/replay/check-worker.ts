/**
 * The thread a large replay checks part of its file in (dist/replay-check.js): the lines whose
 * type the view does not read, validated while the main thread folds the others.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ShareOptions } from './check-share';
import { checkUnreadShare } from './unread-share';

// A failure here is the system's: thrown, it reaches the main thread as the worker's error.
if (parentPort !== null) {
  const port = parentPort;
  checkUnreadShare(workerData as ShareOptions).then(
    (checked) => port.postMessage(checked),
    (error: unknown) => {
      throw error;
    },
  );
}
