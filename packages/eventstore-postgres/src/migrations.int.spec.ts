import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateEventError } from '@coachline/eventstore';
import { collect, someEvents } from '@coachline/eventstore/testing';
import pg from 'pg';
import { LATEST_VERSION, migrate } from './migrations';
import { openPgliteEventStore, openPostgresEventStore } from './open';
import { pgliteClient } from './pglite-client';
import {
  dropSchemaOnPglite,
  dropSchemaOnServer,
  postgresAvailableSync,
  testDatabaseUrl,
  uniqueSchema,
  describeOnEachEngine,
  useSharedPglite,
} from './testing';

const pglite = useSharedPglite();
const allVersions = Array.from({ length: LATEST_VERSION }, (_, i) => i + 1);

describe('migrations on PGlite', () => {
  const schema = uniqueSchema('migrate');
  afterAll(() => dropSchemaOnPglite(pglite(), schema));

  it('creates the schema once; migrating again changes nothing and keeps the events', async () => {
    const client = pgliteClient(pglite(), { ownsInstance: false });
    expect(await migrate(client, schema)).toEqual(allVersions);

    const store = await openPgliteEventStore({ pglite: pglite(), schema });
    await store.append('provider-p-1', someEvents(3), 'no-stream');
    await store.close();

    expect(await migrate(client, schema)).toEqual([]);
    const applied = await pglite().query<{ version: number }>(
      `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
    );
    expect(applied.rows.map((row) => row.version)).toEqual(allVersions);
    const reopened = await openPgliteEventStore({ pglite: pglite(), schema });
    expect(await collect(reopened.readStream('provider-p-1'))).toHaveLength(3);
    await reopened.close();
  });

  it('keeps the store in a local folder across closing and reopening it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'coachline-store-'));
    try {
      const events = someEvents(2);
      const first = await openPgliteEventStore({ dataDir });
      await first.append('provider-p-1', events, 'no-stream');
      await first.close();

      const second = await openPgliteEventStore({ dataDir });
      expect((await collect(second.readAll())).map((event) => event.id)).toEqual(events.map((event) => event.id));
      expect(await second.streamRevision('provider-p-1')).toBe(1);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

(postgresAvailableSync() ? describe : describe.skip)('migrations on the PostgreSQL server', () => {
  const schema = uniqueSchema('migrate');
  afterAll(() => dropSchemaOnServer(schema));

  it('lets several processes open a new schema at once: one migrates, the others find it done', async () => {
    const stores = await Promise.all(
      Array.from({ length: 4 }, () =>
        openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 2 }),
      ),
    );
    try {
      await Promise.all(stores.map((store, i) => store.append(`provider-p-${i}`, someEvents(1), 'no-stream')));
      const [observer] = stores;
      expect((await collect(observer!.readAll())).map((event) => event.position)).toEqual([1, 2, 3, 4]);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      const applied = await admin.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
      expect(applied.rows.map((row: { version: number }) => row.version)).toEqual(allVersions);
    } finally {
      await admin.end();
    }
  });

  it('refuses a schema migrated by a newer version of the store', async () => {
    const newer = uniqueSchema('newer');
    const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema: newer });
    await store.close();
    try {
      const admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      await admin.query(`INSERT INTO "${newer}".schema_migrations (version, name) VALUES ($1, 'from the future')`, [
        LATEST_VERSION + 1,
      ]);
      const applied = await admin.query(`SELECT count(*) AS n FROM "${newer}".schema_migrations`);
      await admin.end();
      expect(Number(applied.rows[0].n)).toBe(LATEST_VERSION + 1);

      await expect(openPostgresEventStore({ connectionString: testDatabaseUrl(), schema: newer })).rejects.toThrow(
        `knows up to ${LATEST_VERSION}`,
      );
    } finally {
      await dropSchemaOnServer(newer);
    }
  });
});

/** Raw SQL beside a test store, one statement at a time. */
type Sql = <R extends object>(text: string) => Promise<R[]>;

const withSql = async <T>(engine: 'pglite' | 'postgres', body: (sql: Sql) => Promise<T>): Promise<T> => {
  if (engine === 'pglite') {
    const instance = pglite();
    return body(async <R extends object>(text: string) => (await instance.query<R>(text)).rows);
  }
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await body(async <R extends object>(text: string) => (await client.query(text)).rows as R[]);
  } finally {
    await client.end();
  }
};

/** Each text key column's collation, 'default' where it is the database's. */
const columnCollations = (sql: Sql, schema: string) =>
  sql<{ column: string; collation: string }>(
    `SELECT table_name || '.' || column_name AS column, coalesce(collation_name, 'default') AS collation
       FROM information_schema.columns
      WHERE table_schema = '${schema}' AND (table_name, column_name) IN (('events', 'id'), ('events', 'type'), ('child_keys', 'key_id'))
      ORDER BY 1`,
  );

/** The collation each index compares its text keys in. */
const indexCollations = (sql: Sql, schema: string) =>
  sql<{ index: string; collation: string }>(
    `SELECT i.relname AS index, co.collname AS collation
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       CROSS JOIN LATERAL unnest(x.indcollation::oid[]) AS c(oid) JOIN pg_collation co ON co.oid = c.oid
      WHERE x.indrelid IN ('"${schema}".events'::regclass, '"${schema}".child_keys'::regclass)
      ORDER BY 1, 2`,
  );

const BYTE_ORDER_VERSION = 7;

describeOnEachEngine('event ids, types and key ids compared byte by byte', (open, engine) => {
  it('migrates a store at the version before: its events stay, and the columns and their indexes are in "C"', async () => {
    const test = await open('bytes');
    try {
      const providers = someEvents(2);
      const coaches = someEvents(1, 'CoachRegistered');
      await test.store.append('provider-p-1', providers, 'no-stream');
      await test.store.append('coach-c-1', coaches, 'no-stream');
      const byPosition = (await collect(test.store.readAll())).map((event) => event.id);

      await withSql(engine, async (sql) => {
        // The store as the version before left it: the database's collation, the migration unrecorded.
        await sql(
          `ALTER TABLE "${test.schema}".events ALTER COLUMN id TYPE text COLLATE pg_catalog."default", ALTER COLUMN type TYPE text COLLATE pg_catalog."default"`,
        );
        await sql(`ALTER TABLE "${test.schema}".child_keys ALTER COLUMN key_id TYPE text COLLATE pg_catalog."default"`);
        await sql(`DELETE FROM "${test.schema}".schema_migrations WHERE version = ${BYTE_ORDER_VERSION}`);
        expect((await columnCollations(sql, test.schema)).map((row) => row.collation)).toEqual([
          'default',
          'default',
          'default',
        ]);
      });

      const reopened = await test.openAnother();
      await withSql(engine, async (sql) => {
        expect(await columnCollations(sql, test.schema)).toEqual([
          { column: 'child_keys.key_id', collation: 'C' },
          { column: 'events.id', collation: 'C' },
          { column: 'events.type', collation: 'C' },
        ]);
        expect(await indexCollations(sql, test.schema)).toEqual([
          { index: 'child_keys_key_id_key', collation: 'C' },
          { index: 'child_keys_pkey', collation: 'C' },
          { index: 'events_id', collation: 'C' },
          { index: 'events_stream_revision', collation: 'C' },
          { index: 'events_type_position', collation: 'C' },
        ]);
        const applied = await sql<{ version: number }>(
          `SELECT version FROM "${test.schema}".schema_migrations ORDER BY version`,
        );
        expect(applied.map((row) => row.version)).toEqual(allVersions);
      });
      expect((await collect(reopened.readAll())).map((event) => event.id)).toEqual(byPosition);
      expect((await collect(reopened.readAll({ types: ['CoachRegistered'] }))).map((event) => event.id)).toEqual(
        coaches.map((event) => event.id),
      );
      await expect(reopened.append('provider-p-2', [providers[0]!], 'no-stream')).rejects.toBeInstanceOf(
        DuplicateEventError,
      );
    } finally {
      await test.dispose();
    }
  });

  it('makes the id index an import set aside again in "C", and it still refuses an id given twice', async () => {
    const test = await open('bytes-import');
    try {
      const events = someEvents(3);
      await test.store.importEvents(events.map((event) => ({ stream: 'provider-p-1', event })));
      await withSql(engine, async (sql) => {
        expect((await indexCollations(sql, test.schema)).filter((row) => row.index === 'events_id')).toEqual([
          { index: 'events_id', collation: 'C' },
        ]);
      });
      await expect(test.store.importEvents([{ stream: 'provider-p-2', event: events[1]! }])).rejects.toBeInstanceOf(
        DuplicateEventError,
      );
    } finally {
      await test.dispose();
    }
  });
});
