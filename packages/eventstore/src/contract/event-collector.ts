import type { EventHandler, StoredEvent } from '../event-store';

interface Waiter {
  readonly done: (events: ReadonlyArray<StoredEvent>) => boolean;
  readonly resolve: () => void;
}

/**
 * A subscription handler that keeps what it is given and lets a test wait for a condition on
 * it. Waiting has no timer of its own: a condition never met fails the test at jest's timeout.
 */
export class EventCollector {
  readonly events: StoredEvent[] = [];
  private waiters: Waiter[] = [];

  /** Keeps only the events `keep` accepts (a test's own streams, say). */
  constructor(private readonly keep: (event: StoredEvent) => boolean = () => true) {}

  readonly handler: EventHandler = (event) => {
    if (!this.keep(event)) return;
    this.events.push(event);
    this.settle();
  };

  until(done: (events: ReadonlyArray<StoredEvent>) => boolean): Promise<void> {
    if (done(this.events)) return Promise.resolve();
    return new Promise<void>((resolve) => this.waiters.push({ done, resolve }));
  }

  untilCount(count: number): Promise<void> {
    return this.until((events) => events.length >= count);
  }

  untilId(id: string): Promise<void> {
    return this.until((events) => events.some((event) => event.id === id));
  }

  private settle(): void {
    const pending: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.done(this.events)) waiter.resolve();
      else pending.push(waiter);
    }
    this.waiters = pending;
  }
}
