import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
