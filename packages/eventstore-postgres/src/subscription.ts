import type { EventHandler, ReadAllOptions, StoredEvent, SubscribeOptions, Subscription } from '@coachline/eventstore';

/** What a subscription needs from the store. */
export interface SubscriptionSource {
  headPosition(): Promise<number>;
  readAll(options: ReadAllOptions): AsyncIterable<StoredEvent>;
  /**
   * Calls back when events may have been appended (a local commit or a NOTIFY), with the head the
   * commit left when it is known. `ready` resolves once notifications from other processes are
   * being listened for.
   */
  onAppended(callback: (committedHead?: number) => void): { readonly ready: Promise<void>; unregister(): void };
}

export interface SubscriptionSettings extends SubscribeOptions {
  /** How long to wait for a wake-up before looking at the head anyway. */
  readonly pollIntervalMs: number;
  readonly batchSize?: number;
}

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

const deferred = (): Deferred => {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody has to await `caughtUp`; an unobserved failure must not crash the process.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
};

/**
 * Catch-up then live, on pages of `readAll`: the head is polled (one cheap query), and a commit in this
 * process or a NOTIFY from another wakes it early. Never a round trip per event.
 */
export class PollingSubscription implements Subscription {
  private readonly caughtUpSignal = deferred();
  readonly caughtUp = this.caughtUpSignal.promise;
  private readonly running: Promise<void>;
  private stopped = false;
  private woken = false;
  private wakeWaiter: (() => void) | undefined;
  /**
   * The highest head commits reported since the last look, and whether something else woke the
   * subscription (an import, a lost notification, the poll's timer): the head is then read.
   */
  private toldHead: number | undefined;
  private askHead = true;

  constructor(
    private readonly source: SubscriptionSource,
    after: number,
    private readonly handler: EventHandler,
    private readonly settings: SubscriptionSettings,
  ) {
    const { ready, unregister } = source.onAppended((committedHead) => this.wake(committedHead));
    this.running = this.deliver(after, ready)
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        unregister();
        // Stopped before catching up: whoever waits for it is released rather than left hanging.
        this.caughtUpSignal.resolve();
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
  }

  private async deliver(after: number, listening: Promise<void>): Promise<void> {
    // Listening before the first look at the head: a commit after that look cannot go unnoticed.
    await listening;
    let cursor = after;
    const headAtStart = await this.source.headPosition();
    const { types, streamPrefix, batchSize } = this.settings;
    while (!this.stopped) {
      this.woken = false;
      const told = this.askHead ? undefined : this.toldHead;
      this.askHead = false;
      this.toldHead = undefined;
      // A head a commit reported needs no look: every position up to it had committed by then.
      const head = told ?? (await this.source.headPosition());
      if (head > cursor) {
        for await (const event of this.source.readAll({ after: cursor, types, streamPrefix, batchSize })) {
          if (this.stopped) return;
          // A handler that returns no promise costs no turn of the event loop per event.
          const handled = this.handler(event);
          if (handled !== undefined) await handled;
          cursor = event.position;
        }
        // Everything up to `head` had committed before the pages were read (positions commit in order),
        // so events a filter skipped need not be scanned again.
        cursor = Math.max(cursor, head);
      }
      if (cursor >= headAtStart) this.caughtUpSignal.resolve();
      await this.pause();
    }
  }

  private fail(error: unknown): void {
    this.stopped = true;
    this.caughtUpSignal.reject(error);
    try {
      this.settings.onError?.(error);
    } catch {
      // The subscription is over either way; an error reporter that throws has nobody left to tell.
    }
  }

  private pause(): Promise<void> {
    if (this.woken || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeWaiter = undefined;
        resolve();
      };
      const timer = setTimeout(() => {
        this.askHead = true;
        done();
      }, this.settings.pollIntervalMs);
      this.wakeWaiter = done;
    });
  }

  private wake(committedHead?: number): void {
    if (committedHead === undefined) this.askHead = true;
    else this.toldHead = Math.max(this.toldHead ?? committedHead, committedHead);
    this.woken = true;
    this.wakeWaiter?.();
  }
}
