/**
 * The thread a large replay reads its file in (dist/replay-check.js): the lines whose type the
 * view does not read are validated here, and a share of those it reads validated and handed to
 * the main thread as records, with the other lines it reads, to fold in file order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckingData, CheckingMessage } from './checking-thread';
import { mainBatchTransferables } from './main-batch';
import { checkUnreadShare } from './unread-share';

// A failure here is the system's: thrown, it reaches the main thread as the worker's error.
if (parentPort !== null) {
  const port = parentPort;
  const post = (message: CheckingMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const { taken, ...options } = workerData as CheckingData;
  checkUnreadShare(options, (batch) => post({ batch }, mainBatchTransferables(batch)), taken).then(
    (checked) => post({ checked }),
    (error: unknown) => {
      throw error;
    },
  );
}
