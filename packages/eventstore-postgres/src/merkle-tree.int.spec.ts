import {
  canonicalContent,
  eventLeafHash,
  InMemoryMerkleNodeStore,
  MerkleLog,
  verifyConsistency,
  verifyInclusion,
  type StoredEvent,
} from '@coachline/eventstore';
import { anEvent, collect, someEvents } from '@coachline/eventstore/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import pg from 'pg';
import { openPgliteStoreForReading, openPostgresStoreForReading } from './open-for-reading';
import type { PostgresEventStore } from './postgres-event-store';
import { StoreSchemaError } from './schema-check';
import {
  acquireSharedPglite,
  describeOnEachEngine,
  releaseSharedPglite,
  testDatabaseUrl,
  type OpenTestStore,
  type TestStore,
} from './testing';

/** The tree an auditor would build from the events alone, as the store hands them out. */
const treeOfEvents = async (events: ReadonlyArray<StoredEvent>): Promise<MerkleLog> => {
  const log = MerkleLog.empty(new InMemoryMerkleNodeStore());
  await log.append(events.map((event) => eventLeafHash(canonicalContent(event))));
  return log;
};

/** SQL on the store's database behind its back, as an operator (or an intruder) would run it. */
interface RawSql {
  run(text: string): Promise<void>;
  close(): Promise<void>;
}

const rawSqlOn = async (engine: 'pglite' | 'postgres'): Promise<RawSql> => {
  if (engine === 'pglite') {
    const pglite = await acquireSharedPglite();
    return { run: async (text) => void (await pglite.exec(text)), close: async () => releaseSharedPglite() };
  }
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  client.on('error', () => undefined);
  await client.connect();
  return { run: async (text) => void (await client.query(text)), close: () => client.end() };
};

const openReader = async (engine: 'pglite' | 'postgres', schema: string) => {
  if (engine === 'postgres') return openPostgresStoreForReading({ connectionString: testDatabaseUrl(), schema });
  const pglite = await acquireSharedPglite();
  const reader = await openPgliteStoreForReading({ pglite, schema }).catch((error: unknown) => {
    releaseSharedPglite();
    throw error;
  });
  const close = reader.close.bind(reader);
  return Object.assign(reader, {
    close: async () => {
      await close();
      releaseSharedPglite();
    },
  });
};

const expectIntact = async (store: PostgresEventStore, size: number) => {
  const audit = await store.auditTree();
  const head = await store.verifiableLog().treeHead();
  expect(audit).toEqual({ kind: 'intact', size, root: head.root });
  expect(head.size).toBe(size);
  const events = await collect(store.readAll({ batchSize: 500 }));
  expect(Buffer.from(head.root).equals(Buffer.from((await treeOfEvents(events)).root()))).toBe(true);
  return { head, events };
};

describeOnEachEngine('the Merkle tree kept in the events’ rows', (open: OpenTestStore, engine) => {
  let subject: TestStore;
  afterEach(() => subject.dispose());

  it('stays one tree over the global order while two processes and their group commits append at once', async () => {
    subject = await open('tree-writers');
    const stores = [subject.store, await subject.openAnother()];
    await Promise.all(
      Array.from({ length: 16 }, async (_, writer) => {
        for (let round = 0; round < 4; round += 1)
          await stores[writer % 2]!.append(`provider-w${writer % 5}`, someEvents(1 + (writer % 3)), 'any');
      }),
    );
    const size = await stores[0]!.headPosition();
    const { head, events } = await expectIntact(stores[1]!, size);
    const log = stores[0]!.verifiableLog();
    for (const event of [events[0]!, events[size >> 1]!, events[size - 1]!]) {
      const index = (await log.leafIndexOf(event.id))!;
      expect(index).toBe(event.position - 1);
      const proof = await log.inclusionProof(index, size);
      expect(
        E.chain((path: Uint8Array[]) =>
          verifyInclusion(index, size, eventLeafHash(canonicalContent(event)), path, head.root),
        )(proof),
      ).toEqual(E.right(true));
    }
  }, 60_000);

  it('grows by an import on a store that holds events, and an append after it continues the same tree', async () => {
    subject = await open('tree-import');
    const { store } = subject;
    await store.append('provider-p1', someEvents(5), 'no-stream');
    const before = await store.verifiableLog().treeHead();
    const imported = Array.from({ length: 260 }, (_, n) => ({
      stream: `coach-c${n % 7}`,
      event: anEvent({ data: { n } }),
    }));
    await store.importEvents(imported, { chunkSize: 40 });
    await store.append('provider-p1', someEvents(2), 4);
    const { head } = await expectIntact(store, 267);
    const proof = await store.verifiableLog().consistencyProof(before.size, head.size);
    expect(E.chain((path: Uint8Array[]) => verifyConsistency(5, 267, before.root, head.root, path))(proof)).toEqual(
      E.right(true),
    );
  });

  it('is caught up, under the head’s lock, by the first writer keeping it after writes that kept none', async () => {
    subject = await open('tree-off', { keepTree: false });
    const untreed = subject.store;
    await untreed.append('provider-p1', someEvents(30), 'no-stream');
    await untreed.importEvents([{ stream: 'coach-c1', event: anEvent() }]);
    const behind = await untreed.verifiableLog().treeHead();
    expect(behind.size).toBe(0);
    const stored = await collect(untreed.readAll());
    // The tree does not cover these yet: no leaf index to hand out, no proof to give.
    expect(await untreed.verifiableLog().leafIndexOf(stored[0]!.id)).toBeUndefined();
    expect(E.isLeft(await untreed.verifiableLog().inclusionProof(0, 1))).toBe(true);

    const keeping = await subject.openAnother();
    await keeping.append('provider-p2', someEvents(1), 'no-stream');
    await expectIntact(keeping, 32);
    expect(await keeping.verifiableLog().leafIndexOf(stored[0]!.id)).toBe(0);
  });

  it('is back-filled in order when a writer opens a store written before the tree existed', async () => {
    subject = await open('tree-backfill');
    const { store, schema } = subject;
    await store.append('provider-p1', someEvents(9), 'no-stream');
    await store.importEvents(Array.from({ length: 40 }, (_, n) => ({ stream: `coach-c${n % 3}`, event: anEvent() })));
    const asKept = await store.verifiableLog().treeHead();
    const sql = await rawSqlOn(engine);
    try {
      // Back to the schema of the release before, as its deployments have it.
      await sql.run(`
        ALTER TABLE "${schema}".events DROP COLUMN tree;
        ALTER TABLE "${schema}".head DROP COLUMN tree_size, DROP COLUMN peaks;
        DROP TABLE "${schema}".signed_checkpoints, "${schema}".checkpoint_keys;
        DELETE FROM "${schema}".schema_migrations WHERE version = 8;
      `);
      // A reader never migrates: it names what is missing instead.
      await expect(openReader(engine, schema)).rejects.toThrow(StoreSchemaError);
      await expect(openReader(engine, schema)).rejects.toThrow(/migration 8 .* is not recorded/);

      const upgraded = await subject.openAnother();
      const { head } = await expectIntact(upgraded, 49);
      expect(Buffer.from(head.root).equals(Buffer.from(asKept.root))).toBe(true);
      await upgraded.append('provider-p1', someEvents(1), 8);
      const { head: latest } = await expectIntact(upgraded, 50);

      // On PGlite the reader's transaction holds the one connection: nothing else is asked meanwhile.
      const reader = await openReader(engine, schema);
      try {
        expect(await reader.verifiableLog().treeHead()).toEqual(latest);
        expect(await reader.auditTree()).toMatchObject({ kind: 'intact', size: 50 });
      } finally {
        await reader.close();
      }
    } finally {
      await sql.close();
    }
  });

  it('gives away an event changed in SQL, a node changed, and peaks changed, when recomputed', async () => {
    subject = await open('tree-tamper');
    const { store, schema } = subject;
    await store.append('provider-p1', someEvents(12), 'no-stream');
    const sql = await rawSqlOn(engine);
    try {
      await sql.run(`UPDATE "${schema}".events SET data = '{"n": 99}' WHERE position = 6`);
      expect(await store.auditTree()).toMatchObject({ kind: 'broken', position: 6 });
      await sql.run(`UPDATE "${schema}".events SET data = '{"n": 5}' WHERE position = 6`);
      expect(await store.auditTree()).toMatchObject({ kind: 'intact', size: 12 });

      // Level 1 of the row at position 8: the node over leaves 6 and 7.
      await sql.run(
        `UPDATE "${schema}".events SET tree = set_byte(tree, 40, get_byte(tree, 40) # 1) WHERE position = 8`,
      );
      expect(await store.auditTree()).toMatchObject({ kind: 'broken', position: 8 });
      await sql.run(
        `UPDATE "${schema}".events SET tree = set_byte(tree, 40, get_byte(tree, 40) # 1) WHERE position = 8`,
      );

      await sql.run(`UPDATE "${schema}".head SET peaks = set_byte(peaks, 0, get_byte(peaks, 0) # 1)`);
      expect(await store.auditTree()).toMatchObject({ kind: 'broken', position: 0 });
      await sql.run(`UPDATE "${schema}".head SET peaks = substring(peaks FROM 33)`);
      expect(await store.auditTree()).toMatchObject({ kind: 'broken', position: 0 });

      // A row that lost its nodes: the proof that needs one is a system fault, not a wrong answer.
      await sql.run(`UPDATE "${schema}".events SET tree = NULL WHERE position = 4`);
      await expect(store.verifiableLog().inclusionProof(2, 12)).rejects.toThrow(/lacks tree node 0\/3/);
      expect(await store.auditTree()).toMatchObject({ kind: 'broken', position: 4 });
    } finally {
      await sql.close();
    }
  });

  it('finds no leaf for an id it does not hold, however the id is made, and never fails on one', async () => {
    subject = await open('tree-ids');
    const { store } = subject;
    const [held] = someEvents(1);
    await store.append('provider-p1', [held!], 'no-stream');
    const log = store.verifiableLog();
    const hostile = [
      '',
      '\u0000',
      `${held!.id}\u0000`,
      `' OR 1=1 --`,
      `${held!.id}' OR '1'='1`,
      '%',
      '_',
      '\ud800',
      held!.id.toUpperCase(),
      ` ${held!.id}`,
      'x'.repeat(100_000),
    ];
    for (const id of hostile) await expect(log.leafIndexOf(id)).resolves.toBeUndefined();
    await expect(log.leafIndexOf(42 as unknown as string)).resolves.toBeUndefined();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 64 }), async (id) => {
        expect(await log.leafIndexOf(id)).toBe(id === held!.id ? 0 : undefined);
      }),
      { numRuns: 60 },
    );
    expect(await log.leafIndexOf(held!.id)).toBe(0);
  });
});
