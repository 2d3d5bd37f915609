import type { EventHandler, StoredEvent, SubscribeOptions, Subscription } from '../event-store';
import { eventFilter } from './event-filter';

/** What a subscription needs of the in-memory log: random access by position and a wake-up on append. */
export interface LiveLog {
  headPosition(): number;
  /** The event at a position from 1 to `headPosition()`. */
  eventAt(position: number): StoredEvent;
  /** Calls `wake` once, at the next append; the returned function cancels the wait. */
  waitForAppend(wake: () => void): () => void;
}

/** Catch-up handlers this many events in a row give the event loop a turn, so I/O is not starved. */
const EVENTS_BETWEEN_TURNS = 1_000;

/**
 * One cursor walks the append-only log from `after`: events stored at subscription time are the
 * catch-up, later ones are live, and since both come through the same cursor an event appended
 * during catch-up is delivered once, in its place.
 */
export class CatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private readonly finished: Promise<void>;
  private stopped = false;
  private cancelWait: (() => void) | undefined;
  private wake: (() => void) | undefined;
  private settleCaughtUp!: (error?: unknown) => void;

  constructor(
    private readonly log: LiveLog,
    after: number,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions = {},
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      let settled = false;
      this.settleCaughtUp = (error) => {
        if (settled) return;
        settled = true;
        if (error === undefined) resolve();
        else reject(error);
      };
    });
    // A caller that never awaits `caughtUp` must not see an unhandled rejection.
    this.caughtUp.catch(() => undefined);
    this.finished = this.run(Math.max(0, Math.floor(after)));
  }

  /** Waits for the handler call in flight, so a handler stopping its own subscription must not await this. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelWait?.();
    this.wake?.();
    await this.finished;
  }

  private async run(after: number): Promise<void> {
    const matches = eventFilter(this.options);
    const caughtUpAt = this.log.headPosition();
    let cursor = after;
    let sinceTurn = 0;
    try {
      while (!this.stopped) {
        if (cursor >= caughtUpAt) this.settleCaughtUp();
        if (cursor >= this.log.headPosition()) {
          await this.nextAppend();
          continue;
        }
        cursor += 1;
        const event = this.log.eventAt(cursor);
        if (matches(event)) await this.handler(event);
        if (++sinceTurn >= EVENTS_BETWEEN_TURNS) {
          sinceTurn = 0;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
    } catch (error) {
      this.stopped = true;
      this.settleCaughtUp(error);
      this.options.onError?.(error);
    } finally {
      // Stopped before catching up: whoever waits for it is released rather than left hanging.
      this.settleCaughtUp();
    }
  }

  private nextAppend(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      this.cancelWait = this.log.waitForAppend(resolve);
    });
  }
}
