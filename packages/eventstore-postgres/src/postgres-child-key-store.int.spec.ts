import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import type { ChildKey } from '@coachline/eventstore';
import { childKeyStoreContract } from '@coachline/eventstore/testing';
import { openPgliteEventStore } from './open';
import { describeOnEachEngine, type TestStore } from './testing';

/** Every row of every table of the schema, as text (bytea shows as \x-hex). */
const dumpSchema = async (opened: TestStore): Promise<string> => {
  const client = (opened.store as unknown as { client: { query<R>(text: string, params?: unknown[]): Promise<R[]> } }).client;
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

const traces = (key: ChildKey): string[] => [Buffer.from(key.key).toString('hex'), Buffer.from(key.key).toString('base64')];

describeOnEachEngine('PostgresChildKeyStore', (open) => {
  let opened: TestStore;
  beforeEach(async () => {
    opened = await open('child_keys');
  });
  afterEach(async () => {
    await opened.dispose();
  });

  it('creates a 256-bit key on first use and hands the same one back after', async () => {
    const keys = opened.store.childKeys();
    const first = await keys.keyFor('child-1');
    const again = await keys.keyFor('child-1');
    const other = await keys.keyFor('child-2');
    if (first === 'erased' || again === 'erased' || other === 'erased') throw new Error('no child was erased');
    expect(first.key).toHaveLength(32);
    expect(again).toEqual(first);
    expect(other.keyId).not.toBe(first.keyId);
    expect(await keys.find(first.keyId)).toEqual(first);
    expect(await keys.find('no-such-key')).toBeUndefined();
  });

  it('hands one key to concurrent first uses', async () => {
    const keys = opened.store.childKeys();
    const all = await Promise.all(Array.from({ length: 6 }, () => keys.keyFor('child-1')));
    expect(new Set(all.map((key) => (key === 'erased' ? 'erased' : key.keyId))).size).toBe(1);
  });

  it('erasure destroys the key, keeps a tombstone and never makes a key again', async () => {
    const keys = opened.store.childKeys();
    const key = await keys.keyFor('child-1');
    if (key === 'erased') throw new Error('not erased yet');
    const kept = await keys.keyFor('child-2');
    await keys.erase('child-1', '2026-01-10');
    await keys.erase('child-1', '2026-02-01');
    expect(await keys.find(key.keyId)).toBeUndefined();
    expect(await keys.keyFor('child-1')).toBe('erased');
    expect(await keys.isErased('child-1')).toBe(true);
    expect(await keys.isErased('child-2')).toBe(false);
    expect(await keys.keyFor('child-2')).toEqual(kept);
    const dump = await dumpSchema(opened);
    expect(dump).toContain('(child-1,2026-01-10,');
    for (const trace of traces(key)) expect(dump).not.toContain(trace);
  });

  it('records the erasure of a child that never had a key', async () => {
    const keys = opened.store.childKeys();
    await keys.erase('child-9', '2026-01-10');
    expect(await keys.keyFor('child-9')).toBe('erased');
  });
});

describeOnEachEngine('PostgresChildKeyStore', (open, engine) => {
  // Each opening is another store on the same schema, as a second process would open it; the
  // schema's stores are closed together when the test disposes of it.
  childKeyStoreContract(`PostgreSQL (${engine})`, async () => {
    const opened = await open('child_key_contract');
    return {
      open: async () => ({ keys: (await opened.openAnother()).childKeys(), close: async () => undefined }),
      dispose: () => opened.dispose(),
    };
  });
});

describe('PostgresChildKeyStore on an embedded database folder', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'coachline-keys-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** The database's files holding the bytes, the write-ahead log aside (it is recycled, not rewritten). */
  const filesHolding = (key: Uint8Array): string[] =>
    readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => !file.includes(`${sep}pg_wal${sep}`) && readFileSync(file).includes(Buffer.from(key)));

  it('leaves the destroyed key’s bytes in no file of the tables, whichever key it was', async () => {
    const store = await openPgliteEventStore({ dataDir });
    try {
      const keys = store.childKeys();
      const checkpoint = () => (store as unknown as { client: { query(sql: string): Promise<unknown> } }).client.query('CHECKPOINT');
      const made: ChildKey[] = [];
      for (let i = 0; i < 20; i++) {
        const key = await keys.keyFor(`child-${i}`);
        if (key === 'erased') throw new Error('nothing was erased');
        made.push(key);
      }
      await checkpoint();
      // The scan finds a key that is there: the last one written, which a plain VACUUM would leave behind.
      expect(filesHolding(made[19]!.key)).not.toEqual([]);
      for (const i of [19, 7]) {
        const bytes = Buffer.from(made[i]!.key);
        await keys.erase(`child-${i}`, '2026-01-10');
        await checkpoint();
        expect(filesHolding(bytes)).toEqual([]);
      }
      expect(filesHolding(made[8]!.key)).not.toEqual([]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
