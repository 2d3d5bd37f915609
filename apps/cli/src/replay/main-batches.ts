import { tookBatch } from './handed-balance';
import type { MainBatch } from './main-batch';

/**
 * The batches the checking thread hands the main thread, in file order, as they arrive. Once
 * the check has ended (the whole file read, or stopped by a wrongly guessed line) no more come;
 * when it has failed, whoever waits is told. Each batch taken is counted in `taken`, when given.
 */
export const mainBatches = (taken?: Int32Array) => {
  const arrived: MainBatch[] = [];
  let ended = false;
  let failure: { readonly error: unknown } | undefined;
  let waiting: { resolve: () => void; reject: (error: unknown) => void } | undefined;

  const wake = () => {
    const waiter = waiting;
    waiting = undefined;
    if (waiter === undefined) return;
    if (failure === undefined) waiter.resolve();
    else waiter.reject(failure.error);
  };

  const arrival = (): Promise<void> =>
    new Promise((resolve, reject) => {
      waiting = { resolve, reject };
    });

  return {
    /** A batch from the checking thread. */
    add(batch: MainBatch): void {
      arrived.push(batch);
      wake();
    },
    /** The check has ended: no more batches come. */
    end(): void {
      ended = true;
      wake();
    },
    /** The check failed. */
    fail(error: unknown): void {
      failure ??= { error };
      wake();
    },
    /** The next batch, once it has arrived; undefined after the last. Rejected when the check failed. */
    async next(): Promise<MainBatch | undefined> {
      for (;;) {
        if (failure !== undefined) throw failure.error;
        const batch = arrived.shift();
        if (batch !== undefined && taken !== undefined) tookBatch(taken);
        if (batch !== undefined || ended) return batch;
        await arrival();
      }
    },
  };
};

export type MainBatches = ReturnType<typeof mainBatches>;
