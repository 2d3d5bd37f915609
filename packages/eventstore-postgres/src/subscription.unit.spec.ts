import type { ReadAllOptions, StoredEvent } from '@coachline/eventstore';
import { EventCollector } from '@coachline/eventstore/testing';
import { PollingSubscription, type SubscriptionSource } from './subscription';

const stored = (position: number): StoredEvent =>
  ({
    id: `e-${position}`,
    stream: 'provider-p-1',
    type: 'SessionLogged',
    schemaVersion: 1,
    data: {},
    metadata: {},
    position,
    revision: position - 1,
  }) as unknown as StoredEvent;

/** Events held in a list; counts the looks at the head and lets a test wake subscribers. */
class ListSource implements SubscriptionSource {
  readonly events: StoredEvent[] = [];
  headLooks = 0;
  private readonly callbacks = new Set<(committedHead?: number) => void>();

  async headPosition(): Promise<number> {
    this.headLooks += 1;
    return this.events.length;
  }

  async *readAll(options: ReadAllOptions): AsyncIterable<StoredEvent> {
    for (const event of this.events) if (event.position > (options.after ?? 0)) yield event;
  }

  onAppended(callback: (committedHead?: number) => void) {
    this.callbacks.add(callback);
    return { ready: Promise.resolve(), unregister: () => this.callbacks.delete(callback) };
  }

  /** Appends `count` events and wakes subscribers, saying the head when `local`. */
  commit(count: number, local: boolean): void {
    for (let i = 0; i < count; i += 1) this.events.push(stored(this.events.length + 1));
    for (const callback of this.callbacks) callback(local ? this.events.length : undefined);
  }
}

const subscribed = async (source: ListSource) => {
  const collector = new EventCollector();
  const subscription = new PollingSubscription(source, 0, collector.handler, { pollIntervalMs: 600_000 });
  await subscription.caughtUp;
  return { collector, subscription };
};

describe('a polling subscription woken by commits', () => {
  it('reads on from a local commit without looking at the head, which that commit told', async () => {
    const source = new ListSource();
    source.commit(2, true);
    const { collector, subscription } = await subscribed(source);
    try {
      const looked = source.headLooks;
      source.commit(3, true);
      await collector.untilCount(5);
      source.commit(1, true);
      await collector.untilCount(6);
      expect(collector.events.map((event: StoredEvent) => event.position)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(source.headLooks).toBe(looked);
    } finally {
      await subscription.stop();
    }
  });

  it('looks at the head when a notification from elsewhere woke it', async () => {
    const source = new ListSource();
    const { collector, subscription } = await subscribed(source);
    try {
      const looked = source.headLooks;
      source.commit(2, false);
      await collector.untilCount(2);
      expect(source.headLooks).toBe(looked + 1);
    } finally {
      await subscription.stop();
    }
  });
});
