/**
 * The demo year imported once into a PostgreSQL schema of its own, and put back as it was right
 * after that import before each run: the events the previous run appended deleted, every other
 * table (streams, head, views, children's keys) and the key file restored from a copy taken then.
 * A schema whose migrations or tables no longer match that copy is imported again.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { prepareImportSealing, type EventToAppend } from '@coachline/eventstore';
import { openStore } from '@coachline/store-opener';
import pg from 'pg';
import { readEventLines } from '../views/event-lines';

export interface ScaleStore {
  readonly schema: string;
  readonly keyFile: string;
  /** Events right after the import: the first start folds this many. */
  readonly events: number;
  /** How the store was had: imported now (with its time) or reset from the last run. */
  readonly origin: { readonly kind: 'imported'; readonly seconds: number } | { readonly kind: 'reset' };
}

/** Schemas the API makes beside its store: the access log and the token register. */
export const sideSchemas = (schema: string): ReadonlyArray<string> => [`${schema}_access`, `${schema}_tokens`];

const pristineOf = (schema: string) => `${schema}_pristine`;

type Imported = { readonly stream: string; readonly event: EventToAppend };

const eventsOf = async function* (file: string): AsyncGenerator<Imported> {
  for await (const line of readEventLines(file)) {
    const { stream, id, type, schemaVersion, data, metadata } = JSON.parse(line) as EventToAppend & { stream: string };
    yield { stream, event: { id, type, schemaVersion, data, metadata } };
  }
};

const tablesOf = async (client: pg.Client, schema: string): Promise<string[]> =>
  (
    await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1`,
      [schema],
    )
  ).rows.map((row) => row.name);

const dropAll = async (client: pg.Client, schema: string): Promise<void> => {
  for (const name of [schema, ...sideSchemas(schema), pristineOf(schema)])
    await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
};

/** `coachline import`'s path on a schema of its own: children's data sealed with the store's keys, one transaction. */
const importDemo = async (connectionString: string, schema: string, file: string, keyFile: string): Promise<void> => {
  const store = await openStore({ kind: 'postgres', address: connectionString, schema }, { keyFile });
  try {
    const sealer = await prepareImportSealing(eventsOf(file), store, store.childKeyStore);
    if (store.importEvents === undefined) throw new Error('the PostgreSQL store offers no bulk import');
    await store.importEvents(sealer.seal(eventsOf(file)));
  } finally {
    await store.close();
  }
};

/** Copies every table but the events (which only grow) into the pristine schema, with the head position it goes with. */
const keepPristine = async (client: pg.Client, schema: string, keyFile: string): Promise<void> => {
  const pristine = pristineOf(schema);
  await client.query(`CREATE SCHEMA "${pristine}"`);
  for (const table of await tablesOf(client, schema))
    if (table !== 'events')
      await client.query(`CREATE TABLE "${pristine}"."${table}" AS SELECT * FROM "${schema}"."${table}"`);
  await client.query(
    `CREATE TABLE "${pristine}".bench_head AS SELECT coalesce(max(position), 0) AS position FROM "${schema}".events`,
  );
  copyFileSync(keyFile, `${keyFile}.pristine`);
};

/** The head position of the pristine copy when the store still has the same tables and migrations; else undefined. */
const pristineHead = async (client: pg.Client, schema: string, keyFile: string): Promise<number | undefined> => {
  const pristine = pristineOf(schema);
  if (!existsSync(`${keyFile}.pristine`)) return undefined;
  const kept = await tablesOf(client, pristine);
  if (!kept.includes('bench_head')) return undefined;
  const live = await tablesOf(client, schema);
  const expected = [...kept.filter((t) => t !== 'bench_head'), 'events'].sort();
  if (JSON.stringify(live) !== JSON.stringify(expected)) return undefined;
  const same = await client.query<{ same: boolean }>(
    `SELECT (SELECT array_agg(version ORDER BY version) FROM "${schema}".schema_migrations) =
            (SELECT array_agg(version ORDER BY version) FROM "${pristine}".schema_migrations) AS same`,
  );
  if (same.rows[0]?.same !== true) return undefined;
  const head = await client.query<{ position: string }>(`SELECT position FROM "${pristine}".bench_head`);
  return Number(head.rows[0]!.position);
};

const resetToPristine = async (client: pg.Client, schema: string, keyFile: string, head: number): Promise<void> => {
  const pristine = pristineOf(schema);
  await client.query('BEGIN');
  try {
    await client.query(`DELETE FROM "${schema}".events WHERE position > $1`, [head]);
    for (const table of await tablesOf(client, pristine)) {
      if (table === 'bench_head') continue;
      await client.query(`TRUNCATE "${schema}"."${table}"`);
      await client.query(`INSERT INTO "${schema}"."${table}" SELECT * FROM "${pristine}"."${table}"`);
    }
    for (const side of sideSchemas(schema)) await client.query(`DROP SCHEMA IF EXISTS "${side}" CASCADE`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  copyFileSync(`${keyFile}.pristine`, keyFile);
};

/** The store of `providers` providers' demo year, imported the first time, reset to that import every time after. */
export const scaleStore = async (
  connectionString: string,
  providers: number,
  file: string,
  folder: string,
): Promise<ScaleStore> => {
  const schema = `bench_scale_${providers}`;
  const keyFile = join(folder, `${schema}-keys`, 'key-encryption-key.json');
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const head = await pristineHead(client, schema, keyFile);
    if (head !== undefined) {
      await resetToPristine(client, schema, keyFile, head);
      return { schema, keyFile, events: head, origin: { kind: 'reset' } };
    }
    await dropAll(client, schema);
    rmSync(join(folder, `${schema}-keys`), { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const started = process.hrtime.bigint();
    await importDemo(connectionString, schema, file, keyFile);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await keepPristine(client, schema, keyFile);
    return {
      schema,
      keyFile,
      events: (await pristineHead(client, schema, keyFile))!,
      origin: { kind: 'imported', seconds },
    };
  } finally {
    await client.end();
  }
};

/** Removes the store, its side schemas, its pristine copy and its key file (BENCH_DROP_STORE=1). */
export const dropScaleStore = async (connectionString: string, store: ScaleStore): Promise<void> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await dropAll(client, store.schema);
  } finally {
    await client.end();
  }
  rmSync(join(store.keyFile, '..'), { recursive: true, force: true });
};
