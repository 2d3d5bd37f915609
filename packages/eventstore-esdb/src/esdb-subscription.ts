/**
 * Coachline's catch-up subscription on EventStoreDB's subscribeToAll: the server replays the
 * history after the start position, then streams new events, in $all order. Handlers run one at
 * a time, in order.
 *
 * `caughtUp` is told from the events themselves, not from the server's caught-up message (only
 * servers since 23.10 send it, and a filtered subscription may end its replay on events it does
 * not deliver): the position of the last event the subscription would deliver is looked up
 * before it starts, and once that event is handled, everything stored earlier has been.
 */
import type { AllStreamResolvedEvent, AllStreamSubscription, EventStoreDBClient, Filter } from '@eventstore/db-client';
import type { EventHandler, StoredEvent, Subscription } from '@coachline/eventstore';
import { readPositionAfter } from './position';

export interface CatchUpPlan {
  readonly after: number;
  readonly handler: EventHandler;
  readonly onError?: (error: unknown) => void;
  /** What the server may leave out; `select` decides what is delivered. */
  readonly serverFilter: Filter;
  /** The Coachline event an ESDB event holds, or undefined when the subscription does not deliver it. */
  readonly select: (resolved: AllStreamResolvedEvent) => StoredEvent | undefined;
  /** Position of the last event stored now that `select` delivers, or 0 when there is none after `after`. */
  readonly lastSelectedPosition: () => Promise<number>;
}

export class EsdbCatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private markCaughtUp: () => void = () => undefined;
  private failCatchUp: (error: unknown) => void = () => undefined;
  private stopped = false;
  private esdbSubscription: AllStreamSubscription | undefined;
  private readonly finished: Promise<void>;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly plan: CatchUpPlan,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.markCaughtUp = resolve;
      this.failCatchUp = reject;
    });
    // Whoever awaits caughtUp still sees a failure; nobody awaiting it is not an unhandled rejection.
    this.caughtUp.catch(() => undefined);
    this.finished = this.run().catch((error: unknown) => this.fail(error));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.release();
    await this.finished;
  }

  /** Cancels the server's subscription and drops what it had already sent. */
  private async release(): Promise<void> {
    const subscription = this.esdbSubscription;
    if (subscription === undefined) return;
    await subscription.unsubscribe();
    subscription.destroy();
  }

  private async fail(error: unknown): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.failCatchUp(error);
    this.plan.onError?.(error);
    await this.release();
  }

  private async run(): Promise<void> {
    try {
      await this.deliver();
    } catch (error) {
      if (!this.stopped) throw error;
    } finally {
      // Stopped before catching up: whoever waits for it is released rather than left hanging.
      if (this.stopped) this.markCaughtUp();
    }
  }

  private async deliver(): Promise<void> {
    const caughtUpAt = await this.plan.lastSelectedPosition();
    if (caughtUpAt <= this.plan.after) this.markCaughtUp();
    if (this.stopped) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: readPositionAfter(this.plan.after),
      filter: this.plan.serverFilter,
    });
    this.esdbSubscription = subscription;
    for await (const resolved of subscription as AsyncIterable<AllStreamResolvedEvent>) {
      if (this.stopped) break;
      const event = this.plan.select(resolved);
      if (event === undefined) continue;
      await this.plan.handler(event);
      if (event.position >= caughtUpAt) this.markCaughtUp();
    }
  }
}
