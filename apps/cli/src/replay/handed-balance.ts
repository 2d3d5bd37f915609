/**
 * How much of the lines it may hand over the checking thread parses for the main thread, found
 * as the replay runs from the batches waiting for the main thread: the more wait, the slower the
 * main thread is, and the more the checking thread parses for it; when the main thread has taken
 * every earlier batch, the checking thread is the slower and leaves it all of them. Set from the
 * batches waiting rather than stepped up and down, the share settles instead of swinging from
 * none to all, and the two threads finish close together whatever the view's fold costs and
 * whatever else the machine is running.
 */
export const STARTING_EIGHTHS = 4;

/** Eighths more handed over for each batch waiting beyond the one just posted. */
const EIGHTHS_PER_BATCH_WAITING = 2;

/** Batches waiting for the main thread beyond which the checking thread waits for it, so memory stays flat. */
export const MOST_WAITING = 8;

/** How long the checking thread waits at most before looking again. */
const WAIT_MS = 50;

/**
 * A count of the batches the main thread has taken, in memory both threads share: the main
 * thread adds to it, the checking thread reads it.
 */
export const takenCounter = (): Int32Array => new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));

/** The main thread has taken a batch. */
export const tookBatch = (taken: Int32Array): void => {
  Atomics.add(taken, 0, 1);
};

/**
 * The checking thread's side, told each time it posts a batch; the eighths to hand until the
 * next. Given `fixed`, the share never changes and the main thread is never waited for.
 */
export const handedBalance = (fixed: number | undefined, taken: Int32Array | undefined) => {
  let eighths = fixed ?? STARTING_EIGHTHS;
  let posted = 0;
  return {
    get eighths(): number {
      return eighths;
    },
    posted(): void {
      posted++;
      if (fixed !== undefined || taken === undefined) return;
      let waiting = posted - Atomics.load(taken, 0);
      eighths = Math.max(0, Math.min(8, (waiting - 1) * EIGHTHS_PER_BATCH_WAITING));
      while (waiting > MOST_WAITING) {
        Atomics.wait(taken, 0, posted - waiting, WAIT_MS);
        waiting = posted - Atomics.load(taken, 0);
      }
    },
  };
};
