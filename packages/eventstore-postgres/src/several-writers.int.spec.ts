import { verifyChain, type StoredEvent } from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import { collect, EventCollector, someEvents } from '@coachline/eventstore/testing';
import pg from 'pg';
import {
  describeOnEachEngine,
  openServerTestStore,
  postgresAvailableSync,
  testDatabaseUrl,
  type TestStore,
} from './testing';

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
    // Each writer hashed its events on the tips it found under the lock, even when it had waited for it.
    expect(await verifyChain(stores[0]!.readAll())).toEqual(
      E.right(expect.objectContaining({ events: 200, lastPosition: 200 })),
    );
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

(postgresAvailableSync() ? describe : describe.skip)('a writer that waited for the head on the server', () => {
  let subject: TestStore;
  let admin: pg.Client;
  beforeEach(async () => {
    subject = await openServerTestStore('waited');
    admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
  });
  afterEach(async () => {
    await admin.end();
    await subject.dispose();
  });

  const waitingOnTheHead = async (count: number) => {
    for (;;) {
      const { rows } = await admin.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
        [`%"${subject.schema}".head%`],
      );
      if ((rows[0]?.waiting ?? 0) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('takes the tips another process left while it waited, not those its statement first saw', async () => {
    const { store, schema } = subject;
    const other = await subject.openAnother();
    await store.append('provider-p-1', someEvents(1), 'no-stream');
    const holder = new pg.Client({ connectionString: testDatabaseUrl() });
    await holder.connect();
    try {
      await holder.query(`BEGIN; SELECT position FROM "${schema}".head FOR UPDATE`);
      // Both statements take their snapshot now, before either has the lock; the second is granted
      // it only after the first has committed an event to the same stream.
      const first = store.append('provider-p-1', someEvents(1), 'any');
      await waitingOnTheHead(1);
      const second = other.append('provider-p-1', someEvents(1), 'any');
      await waitingOnTheHead(2);
      await holder.query('ROLLBACK');
      expect((await Promise.all([first, second])).map((result) => result.nextRevision).sort()).toEqual([1, 2]);
    } finally {
      await holder.end();
    }
    expect((await collect(store.readStream('provider-p-1'))).map((event) => event.revision)).toEqual([0, 1, 2]);
    expect(await verifyChain(store.readAll())).toEqual(E.right(expect.objectContaining({ events: 3 })));
  });
});
