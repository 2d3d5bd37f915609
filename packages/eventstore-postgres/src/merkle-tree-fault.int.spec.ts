import { anEvent, someEvents } from '@coachline/eventstore/testing';
import pg from 'pg';
import { openServerTestStore, postgresAvailableSync, testDatabaseUrl, type TestStore } from './testing';

/** The store's backends busy with its schema: the writer's connection among them. */
const backendsOf = async (admin: pg.Client, schema: string, waitingOnLock: boolean): Promise<number[]> => {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'coachline-eventstore'
        AND state IN ('active', 'idle in transaction') AND query LIKE $1 AND ($2 = false OR wait_event_type = 'Lock')`,
    [`%"${schema}".%`, waitingOnLock],
  );
  return rows.map((row) => row.pid);
};

const terminate = (admin: pg.Client, pids: ReadonlyArray<number>) =>
  admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);

(postgresAvailableSync() ? describe : describe.skip)('the Merkle tree when a writer’s connection dies', () => {
  let subject: TestStore;
  let admin: pg.Client;

  beforeEach(async () => {
    subject = await openServerTestStore('tree-fault');
    admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
  });
  afterEach(async () => {
    await admin.end();
    await subject.dispose();
  });

  it('mid-commit leaves no node without its event and no peaks the rows disagree with', async () => {
    const { store, schema } = subject;
    await store.append('provider-p-1', someEvents(3), 'no-stream');
    // An uncommitted row where the batch's last event goes: the writer has written its rows, nodes
    // included, and waits on this one inside its statement when its connection is killed.
    const blocker = new pg.Client({ connectionString: testDatabaseUrl() });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(
      `INSERT INTO "${schema}".events (position, stream, revision, id, type, schema_version, data, metadata)
       VALUES (23, 'blocker', 0, 'blocker', 'Blocker', 1, '{}', '{}')`,
    );
    const appending = store.append('provider-p-1', someEvents(20), 2).catch((error: unknown) => error);
    let writer: number[] = [];
    while (writer.length === 0) writer = await backendsOf(admin, schema, true);
    await terminate(admin, writer);
    expect(await appending).toBeInstanceOf(Error);
    await blocker.query('ROLLBACK');
    await blocker.end();

    expect(await store.auditTree()).toMatchObject({ kind: 'intact', size: 3 });
    await store.append('provider-p-1', someEvents(2), 2);
    expect(await store.auditTree()).toMatchObject({ kind: 'intact', size: 5 });
  });

  it('wherever a kill lands in large batches, the tree the head names is the tree of the rows', async () => {
    const { store, schema } = subject;
    for (let round = 0; round < 4; round += 1) {
      const batch = Array.from({ length: 2_000 }, (_, n) => anEvent({ data: { round, n, note: 'x'.repeat(200) } }));
      let settled = false;
      const appending = store.append(`provider-r${round}`, batch, 'no-stream').catch((error: unknown) => error);
      void appending.then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, round * 10));
      let killed = false;
      while (!settled && !killed) {
        const pids = await backendsOf(admin, schema, false);
        if (pids.length > 0) killed = (await terminate(admin, pids), true);
      }
      await appending;
      const audit = await store.auditTree();
      expect(audit).toMatchObject({ kind: 'intact', size: await store.headPosition() });
    }
    await store.append('provider-after', someEvents(1), 'no-stream');
    expect(await store.auditTree()).toMatchObject({ kind: 'intact', size: await store.headPosition() });
  }, 60_000);
});
