import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, someEvents } from '@coachline/eventstore/testing';
import pg from 'pg';
import { LATEST_VERSION } from './migrations';
import { NoStoreError } from './no-store-error';
import { openPgliteStoreForReading, openPostgresStoreForReading } from './open-for-reading';
import { openPgliteEventStore, openPostgresEventStore } from './open';
import type { PostgresEventStore } from './postgres-event-store';
import type { ReadOnlyStore } from './read-only-store';
import { StoreSchemaError } from './schema-check';
import type { SqlQueryable } from './sql-client';
import {
  dropSchemaOnPglite,
  dropSchemaOnServer,
  postgresAvailableSync,
  testDatabaseUrl,
  uniqueSchema,
  useSharedPglite,
} from './testing';

interface Engine {
  openStore(schema: string): Promise<PostgresEventStore>;
  openForReading(schema: string): Promise<ReadOnlyStore>;
  sql<R extends object = Record<string, unknown>>(text: string): Promise<R[]>;
  drop(schema: string): Promise<void>;
}

/** Every table of the schema, row by row, and its columns: what "nothing was written" is checked against. */
const dump = async (engine: Engine, schema: string): Promise<string> => {
  const tables = await engine.sql<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY table_name`,
  );
  const parts: unknown[] = [];
  for (const { table_name: table } of tables) {
    const columns = await engine.sql(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '${schema}' AND table_name = '${table}' ORDER BY column_name`,
    );
    const rows = await engine.sql(`SELECT * FROM "${schema}"."${table}" ORDER BY 1`);
    parts.push({ table, columns, rows });
  }
  return JSON.stringify(parts);
};

const readOnlyTests = (engine: Engine) => {
  // Each test makes a schema of its own (every migration, on a shared server): seconds on a loaded machine.
  jest.setTimeout(30_000);
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await engine.drop(schema);
  });

  /** A store in a schema of its own holding a few events and one stored view. */
  const populated = async (): Promise<string> => {
    const schema = uniqueSchema('read_only');
    schemas.push(schema);
    const store = await engine.openStore(schema);
    try {
      await store.append('provider-p1', someEvents(3), 'no-stream');
      await store.append('coach-c1', someEvents(2, 'CoachRegistered'), 'no-stream');
      await store
        .projectionCheckpoints()
        .save({ name: 'dosage', version: 1, position: 4, state: { view: { providers: {} } } });
    } finally {
      await store.close();
    }
    return schema;
  };

  const refusal = async (schema: string): Promise<string> => {
    const opened = engine.openForReading(schema);
    await expect(opened).rejects.toBeInstanceOf(StoreSchemaError);
    return ((await opened.catch((error: Error) => error)) as Error).message;
  };

  it('reads the head, every event with its hashes and the stored views as they lie, and writes nothing', async () => {
    const schema = await populated();
    const before = await dump(engine, schema);
    const reader = await engine.openForReading(schema);
    try {
      expect(await reader.headPosition()).toBe(5);
      const events = await collect(reader.readAll({ batchSize: 2 }));
      expect(events.map((event) => event.position)).toEqual([1, 2, 3, 4, 5]);
      expect(events.every((event) => /^[0-9a-f]{64}$/.test(event.integrity?.chain ?? ''))).toBe(true);
      expect(await reader.storedViews()).toEqual([
        { name: 'dosage', version: 1, position: 4, state: '{"view":{"providers":{}}}' },
      ]);
    } finally {
      await reader.close();
    }
    expect(await dump(engine, schema)).toBe(before);
  });

  it('reads in a transaction PostgreSQL itself keeps from writing', async () => {
    const schema = await populated();
    const reader = await engine.openForReading(schema);
    try {
      const session = (reader as unknown as { session: SqlQueryable }).session;
      await expect(session.query(`DELETE FROM "${schema}".projections`)).rejects.toThrow(/read-only transaction/);
    } finally {
      await reader.close();
    }
    expect(await engine.sql(`SELECT name FROM "${schema}".projections`)).toEqual([{ name: 'dosage' }]);
  });

  it('reports a schema whose hash columns and migration were taken away, and migrates nothing', async () => {
    const schema = await populated();
    await engine.sql(`
      ALTER TABLE "${schema}".events DROP COLUMN hash, DROP COLUMN chain;
      ALTER TABLE "${schema}".streams DROP COLUMN hash;
      ALTER TABLE "${schema}".head DROP COLUMN chain;
      DELETE FROM "${schema}".schema_migrations WHERE version = 3;
    `);
    const before = await dump(engine, schema);
    const message = await refusal(schema);
    expect(message).toContain('migration 3 (hash chain');
    expect(message).toContain('missing events.hash, events.chain, streams.hash, head.chain');
    expect(message).not.toContain('\n');
    expect(await dump(engine, schema)).toBe(before);
  });

  it('reports a schema newer than this build, one it has not finished migrating, and one that is not there', async () => {
    const newer = await populated();
    await engine.sql(
      `INSERT INTO "${newer}".schema_migrations (version, name) VALUES (${LATEST_VERSION + 1}, 'from a later release')`,
    );
    expect(await refusal(newer)).toContain(
      `it is at version ${LATEST_VERSION + 1}, and this Coachline knows versions up to ${LATEST_VERSION}`,
    );

    const older = await populated();
    await engine.sql(`DELETE FROM "${older}".schema_migrations WHERE version = ${LATEST_VERSION}`);
    expect(await refusal(older)).toContain(`migration ${LATEST_VERSION} (`);

    const altered = await populated();
    await engine.sql(`ALTER TABLE "${altered}".projections DROP COLUMN state`);
    expect(await refusal(altered)).toContain('missing projections.state');

    const absent = uniqueSchema('absent');
    expect(await refusal(absent)).toBe(`no Coachline store here: the database has no schema "${absent}"`);
    expect(await engine.sql(`SELECT nspname FROM pg_namespace WHERE nspname = '${absent}'`)).toEqual([]);
  });
};

describe('a store opened for reading only, on PGlite', () => {
  const pglite = useSharedPglite();
  readOnlyTests({
    openStore: (schema) => openPgliteEventStore({ pglite: pglite(), schema }),
    openForReading: (schema) => openPgliteStoreForReading({ pglite: pglite(), schema }),
    sql: async <R extends object>(text: string) =>
      text.includes(';') ? (await pglite().exec(text), [] as R[]) : (await pglite().query<R>(text)).rows,
    drop: (schema) => dropSchemaOnPglite(pglite(), schema),
  });

  it('refuses a folder that holds no database, and leaves it empty', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'coachline-no-store-'));
    try {
      await expect(openPgliteStoreForReading({ dataDir: folder })).rejects.toBeInstanceOf(NoStoreError);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

(postgresAvailableSync() ? describe : describe.skip)(
  'a store opened for reading only, on the PostgreSQL server',
  () => {
    const sql = async <R extends object>(text: string): Promise<R[]> => {
      const client = new pg.Client({ connectionString: testDatabaseUrl() });
      await client.connect();
      try {
        const result = (await client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
        return Array.isArray(result) ? [] : (result.rows as R[]);
      } finally {
        await client.end();
      }
    };
    const engine: Engine = {
      openStore: (schema) => openPostgresEventStore({ connectionString: testDatabaseUrl(), schema }),
      openForReading: (schema) => openPostgresStoreForReading({ connectionString: testDatabaseUrl(), schema }),
      sql,
      drop: (schema) => dropSchemaOnServer(schema),
    };
    readOnlyTests(engine);

    it('reads one snapshot: what is appended meanwhile is not seen', async () => {
      const schema = uniqueSchema('snapshot');
      const store = await engine.openStore(schema);
      try {
        await store.append('provider-p1', someEvents(2), 'no-stream');
        const reader = await engine.openForReading(schema);
        try {
          await store.append('provider-p1', someEvents(2, 'FeedbackSent'), 1);
          expect(await store.headPosition()).toBe(4);
          expect(await reader.headPosition()).toBe(2);
          expect((await collect(reader.readAll())).length).toBe(2);
        } finally {
          await reader.close();
        }
      } finally {
        await store.close();
        await engine.drop(schema);
      }
    });
  },
);
