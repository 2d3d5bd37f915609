import type { StoredEvent } from '@coachline/eventstore';
import { EventCollector, someEvents } from '@coachline/eventstore/testing';
import { describeOnEachEngine, type TestStore } from './testing';

describeOnEachEngine('stores of several processes on one schema', (open) => {
  let subject: TestStore;
  beforeEach(async () => {
    subject = await open('processes');
  });
  afterEach(() => subject.dispose());

  it('share one gapless order: a reader tailing the head while 20 writers append never sees a gap', async () => {
    const stores = [subject.store, await subject.openAnother()];
    let writing = true;
    const seen: number[] = [];
    const tail = (async () => {
      while (writing || seen.length < 200) {
        for await (const event of stores[1]!.readAll({ after: seen.at(-1) ?? 0, batchSize: 7 })) {
          // Each page begins right after the last position seen: an event committing late with a lower
          // position would show up here as a repeat or a hole.
          if (event.position !== (seen.at(-1) ?? 0) + 1)
            throw new Error(`Position ${event.position} after ${seen.at(-1)}`);
          seen.push(event.position);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    await Promise.all(
      Array.from({ length: 20 }, async (_, writer) => {
        const store = stores[writer % 2]!;
        for (let round = 0; round < 5; round += 1) {
          await store.append(`provider-w${writer % 4}`, someEvents(2), 'any');
        }
      }),
    );
    writing = false;
    await tail;

    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(await stores[0]!.headPosition()).toBe(200);
  }, 60_000);

  it('wake a subscriber of another store as soon as they commit, long before it would poll', async () => {
    const listener = await subject.openAnother({ pollIntervalMs: 600_000 });
    const collector = new EventCollector();
    const subscription = listener.subscribe(0, collector.handler);
    try {
      await subscription.caughtUp;
      const events = someEvents(3);
      await subject.store.append('provider-p-1', events, 'no-stream');
      // Without the notification this waits for the ten-minute poll, and jest's timeout fails it.
      await collector.untilCount(3);
      expect(collector.events.map((event: StoredEvent) => event.id)).toEqual(events.map((event) => event.id));
    } finally {
      await subscription.stop();
    }
  });
});
