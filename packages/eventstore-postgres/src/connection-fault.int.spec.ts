import { anEvent, collect, someEvents } from '@coachline/eventstore/testing';
import pg from 'pg';
import { isConnectionFailure } from './connection-failures';
import { AppendOutcomeUnknownError } from './errors';
import { openServerTestStore, postgresAvailableSync, testDatabaseUrl, type TestStore } from './testing';

/** The store's backends whose latest statement touched its schema, in the given states. */
const backendsOf = async (admin: pg.Client, schema: string, states: ReadonlyArray<string>, waitingOnLock = false) => {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'coachline-eventstore'
        AND state = ANY($1) AND query LIKE $2 AND ($3 = false OR wait_event_type = 'Lock')`,
    [states, `%"${schema}".%`, waitingOnLock],
  );
  return rows.map((row) => row.pid);
};

const terminate = (admin: pg.Client, pids: ReadonlyArray<number>) =>
  admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);

(postgresAvailableSync() ? describe : describe.skip)('a connection dropped on the PostgreSQL server', () => {
  let subject: TestStore;
  let admin: pg.Client;

  beforeEach(async () => {
    subject = await openServerTestStore('fault', {});
    admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
  });
  afterEach(async () => {
    await admin.end();
    await subject.dispose();
  });

  it('mid-append leaves nothing of the batch, and the next append goes through on a new connection', async () => {
    const { store, schema } = subject;
    const [first] = someEvents(1);
    await store.append('provider-p-1', [first!], 'no-stream');
    // An uncommitted row at the position the batch's last event will take: the writer's INSERT has
    // written the rows before it and waits on this one, in the middle of its transaction. (A connection
    // of its own: inside a transaction pg_stat_activity would show the snapshot taken at its start.)
    const blocker = new pg.Client({ connectionString: testDatabaseUrl() });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(
      `INSERT INTO "${schema}".events (position, stream, revision, id, type, schema_version, data, metadata)
       VALUES (51, 'blocker', 0, 'blocker', 'Blocker', 1, '{}', '{}')`,
    );
    const appending = store.append('provider-p-1', someEvents(50), 0).then(
      () => 'stored',
      (error: unknown) => error,
    );

    let writer: number[] = [];
    while (writer.length === 0) writer = await backendsOf(admin, schema, ['active'], true);
    await terminate(admin, writer);
    const outcome = await appending;
    await blocker.query('ROLLBACK');
    await blocker.end();

    // A group commit of one statement commits as that statement ends, so a connection lost before its
    // answer leaves the outcome unknown to the writer; the blocker made sure nothing was stored.
    expect(isConnectionFailure(outcome) || outcome instanceof AppendOutcomeUnknownError).toBe(true);
    expect((await collect(store.readStream('provider-p-1'))).map((event) => event.id)).toEqual([first!.id]);
    expect(await store.headPosition()).toBe(1);
    const next = someEvents(2);
    await expect(store.append('provider-p-1', next, 0)).resolves.toEqual({ nextRevision: 2, lastPosition: 3 });
    expect((await collect(store.readAll())).map((event) => event.position)).toEqual([1, 2, 3]);
  });

  it('wherever the kill lands in a COPY-sized batch, the batch is stored whole or not at all', async () => {
    const { store, schema } = subject;
    for (let round = 0; round < 6; round += 1) {
      const batch = Array.from({ length: 3_000 }, (_, n) => anEvent({ data: { round, n, note: 'x'.repeat(300) } }));
      let settled = false;
      const appending = store.append(`provider-r${round}`, batch, 'no-stream').then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      void appending.then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, round * 8));
      let killed = false;
      while (!settled && !killed) {
        const pids = await backendsOf(admin, schema, ['active', 'idle in transaction']);
        if (pids.length > 0) killed = (await terminate(admin, pids), true);
      }
      const outcome = await appending;

      const stored = (await collect(store.readStream(`provider-r${round}`))).length;
      if ('result' in outcome) expect(stored).toBe(batch.length);
      else if (outcome.error instanceof AppendOutcomeUnknownError) expect([0, batch.length]).toContain(stored);
      else expect([isConnectionFailure(outcome.error), stored]).toEqual([true, 0]);
    }
    const all = await collect(store.readAll({ batchSize: 5_000 }));
    expect(all.map((event) => event.position)).toEqual(all.map((_, i) => i + 1));
    await expect(store.append('provider-after', someEvents(1), 'no-stream')).resolves.toMatchObject({
      nextRevision: 0,
    });
  }, 60_000);

  it('a read goes on across dropped connections', async () => {
    const { store, schema } = subject;
    await store.append('provider-p-1', someEvents(40), 'no-stream');
    const read: number[] = [];
    for await (const event of store.readAll({ batchSize: 5 })) {
      read.push(event.position);
      if (event.position % 10 === 1) await terminate(admin, await backendsOf(admin, schema, ['idle', 'active']));
    }
    expect(read).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
