/**
 * The thread a large replay checks its file in (dist/replay-check.js): every line read and
 * validated, its verdicts sent to the fold on the main thread batch by batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkEventFile, CheckOptions } from './line-verdicts';

const check = async (port: NonNullable<typeof parentPort>): Promise<void> => {
  for await (const message of checkEventFile(workerData as CheckOptions))
    port.postMessage(message, message.kind === 'lines' ? [message.verdicts.buffer as ArrayBuffer] : []);
};

// A failure here is the system's: thrown, it reaches the main thread as the worker's error.
if (parentPort !== null)
  check(parentPort).catch((error: unknown) => {
    throw error;
  });
