import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import {
  type ChildKey,
  KEY_FILE_NAME,
  keyEncryptionKeyFile,
  openChildKeyStore,
  unwrapChildKey,
  WRAPPED_KEY_BYTES,
  WRAPPED_KEY_PREFIX,
  type WrappedChildKey,
} from '@coachline/eventstore';
import { childKeyStoreContract } from '@coachline/eventstore/testing';
import { MIGRATIONS, migrate } from './migrations';
import { openPgliteEventStore } from './open';
import { pgliteClient } from './pglite-client';
import type { PostgresEventStore } from './postgres-event-store';
import { describeOnEachEngine, dropSchemaOnPglite, uniqueSchema, useSharedPglite, type TestStore } from './testing';

type Queryable = { query<R>(text: string, params?: unknown[]): Promise<R[]> };
const clientOf = (store: PostgresEventStore): Queryable => (store as unknown as { client: Queryable }).client;

/** Every row of every table of the schema, as text (bytea shows as \x-hex). */
const dumpSchema = async (opened: TestStore): Promise<string> => {
  const client = clientOf(opened.store);
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
    [opened.schema],
  );
  const dumps: string[] = [];
  for (const { table_name } of tables) {
    const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${opened.schema}"."${table_name}" t`);
    dumps.push(`${table_name}: ${rows.map((r) => r.row).join('\n')}`);
  }
  return dumps.join('\n');
};

const traces = (bytes: Uint8Array): string[] => [
  Buffer.from(bytes).toString('hex'),
  Buffer.from(bytes).toString('base64'),
];

const keyOf = (found: ChildKey | 'erased'): ChildKey => {
  if (found === 'erased') throw new Error('nothing was erased');
  return found;
};

describeOnEachEngine('PostgresChildKeyVault', (open) => {
  let opened: TestStore;
  let folder: string;
  const keyFile = () => keyEncryptionKeyFile(join(folder, 'keys', KEY_FILE_NAME));
  beforeEach(async () => {
    opened = await open('child_keys');
    folder = mkdtempSync(join(tmpdir(), 'coachline-kek-'));
  });
  afterEach(async () => {
    await opened.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps only wrapped keys in the tables, and after erasure neither the erased key nor any copy wrapped before', async () => {
    const keys = await openChildKeyStore(opened.store.childKeyVault(), keyFile());
    const vault = opened.store.childKeyVault();
    const erased = keyOf(await keys.keyFor('child-1'));
    const kept = keyOf(await keys.keyFor('child-2'));
    const wrappedBefore = await Promise.all(
      ['child-1', 'child-2'].map(async (ref) => (await vault.byChild(ref)) as WrappedChildKey),
    );
    const before = await dumpSchema(opened);
    for (const trace of [...traces(erased.key), ...traces(kept.key)]) expect(before).not.toContain(trace);
    for (const row of wrappedBefore) expect(before).toContain(Buffer.from(row.wrapped).toString('hex'));

    await keys.erase('child-1', '2026-01-10');
    await keys.erase('child-1', '2026-02-01');
    expect(await keys.find(erased.keyId)).toBeUndefined();
    expect(await keys.keyFor('child-1')).toBe('erased');
    expect(await keys.keyFor('child-2')).toEqual(kept);
    const after = await dumpSchema(opened);
    expect(after).toContain('(child-1,2026-01-10,');
    for (const trace of [
      ...traces(erased.key),
      ...traces(kept.key),
      ...wrappedBefore.flatMap((row) => traces(row.wrapped)),
    ])
      expect(after).not.toContain(trace);
  });

  it('refuses, by the table’s own check, a key row that is neither raw at generation 0 nor wrapped after it', async () => {
    const client = clientOf(opened.store);
    const insert = (generation: number, key: string | null, wrapped: string | null) =>
      client.query(
        `INSERT INTO "${opened.schema}".child_keys (child_ref, key_id, generation, key, wrapped) VALUES ($1, $2, $3, decode($4, 'hex'), decode($5, 'hex'))`,
        [randomUUID(), randomUUID(), generation, key, wrapped],
      );
    const raw = randomBytes(32).toString('hex');
    await expect(insert(2, raw, null)).rejects.toThrow(/child_keys_wrapped_or_raw/);
    await expect(insert(0, null, raw)).rejects.toThrow(/child_keys_wrapped_or_raw/);
    await expect(insert(1, raw, raw)).rejects.toThrow(/child_keys_wrapped_or_raw/);
  });
});

describeOnEachEngine('PostgresChildKeyVault', (open, engine) => {
  // Each opening is another store on the same schema, as a second process would open it; the
  // schema's stores are closed together when the test disposes of it.
  childKeyStoreContract(
    `PostgreSQL (${engine})`,
    async () => {
      const opened = await open('child_key_contract');
      return {
        openVault: async () => ({ vault: (await opened.openAnother()).childKeyVault(), close: async () => undefined }),
        writeRawKey: async (childRef, key) => {
          await clientOf(opened.store).query(
            `INSERT INTO "${opened.schema}".child_keys (child_ref, key_id, key) VALUES ($1, $2, decode($3, 'base64'))`,
            [childRef, key.keyId, Buffer.from(key.key).toString('base64')],
          );
        },
        dispose: () => opened.dispose(),
      };
    },
    { rawKeys: true },
  );
});

describe('upgrading a store whose child keys were kept raw', () => {
  const pglite = useSharedPglite();
  const schema = uniqueSchema('raw_keys');
  const folder = mkdtempSync(join(tmpdir(), 'coachline-kek-'));
  afterAll(async () => {
    await dropSchemaOnPglite(pglite(), schema);
    rmSync(folder, { recursive: true, force: true });
  });

  it('wraps every raw key at the first opening after the migration, keeping each child’s key and the erasures', async () => {
    const client = pgliteClient(pglite(), { ownsInstance: false });
    await client.transaction(async (tx) => {
      await tx.run(
        `CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());`,
      );
      for (const migration of MIGRATIONS.filter((each) => each.version <= 4)) {
        await tx.run(migration.script(schema));
        await migration.backfill?.(tx, schema);
        await tx.query(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES ($1, $2)`, [
          migration.version,
          migration.name,
        ]);
      }
    });
    const raw = [1, 2, 3].map((i) => ({ childRef: `child-${i}`, keyId: randomUUID(), key: randomBytes(32) }));
    for (const key of raw)
      await client.query(
        `INSERT INTO "${schema}".child_keys (child_ref, key_id, key) VALUES ($1, $2, decode($3, 'base64'))`,
        [key.childRef, key.keyId, key.key.toString('base64')],
      );
    await client.query(
      `INSERT INTO "${schema}".child_erasures (child_ref, erased_on) VALUES ('child-9', '2025-12-01')`,
    );
    expect(await migrate(client, schema)).toEqual(
      MIGRATIONS.filter((each) => each.version > 4).map((each) => each.version),
    );

    const store = await openPgliteEventStore({ pglite: pglite(), schema });
    try {
      const file = keyEncryptionKeyFile(join(folder, 'keys', KEY_FILE_NAME));
      const keys = await openChildKeyStore(store.childKeyVault(), file);
      for (const key of raw) expect(keyOf(await keys.keyFor(key.childRef))).toEqual({ keyId: key.keyId, key: key.key });
      expect(await keys.keyFor('child-9')).toBe('erased');
      const rows = await clientOf(store).query<{ key: string | null; wrapped: string; generation: number }>(
        `SELECT encode(key, 'hex') AS key, encode(wrapped, 'hex') AS wrapped, generation FROM "${schema}".child_keys`,
      );
      expect(rows.map((row) => ({ key: row.key, generation: row.generation }))).toEqual(
        raw.map(() => ({ key: null, generation: 1 })),
      );
      for (const key of raw) for (const row of rows) expect(row.wrapped).not.toContain(key.key.toString('hex'));
    } finally {
      await store.close();
    }
  });
});

describe('PostgresChildKeyVault on an embedded database folder', () => {
  let work: string;
  let dataDir: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'coachline-keys-'));
    dataDir = join(work, 'store');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const files = (): string[] =>
    readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  const filesHolding = (bytes: Uint8Array, options: { wal: boolean }): string[] =>
    files().filter(
      (file) =>
        (options.wal || !file.includes(`${sep}pg_wal${sep}`)) && readFileSync(file).includes(Buffer.from(bytes)),
    );
  /** Every wrapped key any file of the folder holds, write-ahead log included. */
  const wrappedKeysOnDisk = (): Buffer[] =>
    files().flatMap((file) => {
      const bytes = readFileSync(file);
      const found: Buffer[] = [];
      for (let at = bytes.indexOf(WRAPPED_KEY_PREFIX); at >= 0; at = bytes.indexOf(WRAPPED_KEY_PREFIX, at + 1))
        found.push(bytes.subarray(at, at + WRAPPED_KEY_BYTES));
      return found;
    });

  it('never writes a raw key to any file, and after erasure no file holds a wrapped key the key file opens but the live ones', async () => {
    const store = await openPgliteEventStore({ dataDir });
    try {
      const file = keyEncryptionKeyFile(join(`${dataDir}-keys`, KEY_FILE_NAME));
      const keys = await openChildKeyStore(store.childKeyVault(), file);
      const checkpoint = () => clientOf(store).query('CHECKPOINT');
      const made: ChildKey[] = [];
      for (let i = 0; i < 20; i++) made.push(keyOf(await keys.keyFor(`child-${i}`)));
      await checkpoint();
      for (const key of made) expect(filesHolding(key.key, { wal: true })).toEqual([]);
      // The scan finds what is there: the wrapped keys, in the table file as in the log.
      const wrapped19 = (await store.childKeyVault().byChild('child-19')) as WrappedChildKey;
      expect(filesHolding(wrapped19.wrapped, { wal: false })).not.toEqual([]);
      expect(wrappedKeysOnDisk().length).toBeGreaterThanOrEqual(20);

      for (const i of [19, 7]) await keys.erase(`child-${i}`, '2026-01-10');
      await checkpoint();
      for (const key of made) expect(filesHolding(key.key, { wal: true })).toEqual([]);
      expect(filesHolding(wrapped19.wrapped, { wal: false })).toEqual([]);

      const storeId = (await store.childKeyVault().state()).storeId;
      const [kek] = (await file.read(storeId)) ?? [];
      const opened = new Set<string>();
      for (const candidate of wrappedKeysOnDisk())
        for (let i = 0; i < made.length; i++) {
          try {
            opened.add(Buffer.from(unwrapChildKey(candidate, made[i]!.keyId, `child-${i}`, kek!).key).toString('hex'));
          } catch {
            // A copy wrapped under an older generation, or another child's.
          }
        }
      const live = made.filter((_, i) => i !== 19 && i !== 7).map((key) => Buffer.from(key.key).toString('hex'));
      expect([...opened].sort()).toEqual([...live].sort());
    } finally {
      await store.close();
    }
  }, 120_000);
});
