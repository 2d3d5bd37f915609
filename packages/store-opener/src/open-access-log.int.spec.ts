import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS_LOG_FILE, type AccessLog, type ViewRead } from '@coachline/eventstore';
import { createTestDatabase, postgresAvailableSync } from '@coachline/eventstore-postgres/testing';
import { openAccessLogFor } from './open-access-log';
import { MEMORY_STORE } from './store-location';

const read = (id: string): ViewRead => ({
  id,
  at: '2026-01-15T12:00:00.000Z',
  actor: { id: 'auditor-1', role: 'auditor' },
  view: 'history',
  query: { stream: 'provider-p-1' },
  correlationId: id,
});

/** What the log holds for the day of `read`, after recording one. */
const recordedThrough = async (log: AccessLog | undefined): Promise<ReadonlyArray<string>> => {
  if (log === undefined) throw new Error('No access log was opened.');
  try {
    await log.record(read('read-1'));
    return (await log.readDay('2026-01-15')).map((entry) => entry.id);
  } finally {
    await log.close();
  }
};

describe('the access log kept for a store', () => {
  let scratch = '';
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'coachline-access-log-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('is none for a store that lasts one run', async () => {
    const dataFolder = join(scratch, 'data');
    expect(await openAccessLogFor({ kind: 'memory', address: MEMORY_STORE }, { dataFolder })).toBeUndefined();
    expect(existsSync(dataFolder)).toBe(false);
  });

  it('is a file in an embedded store’s own folder, not in the data folder', async () => {
    const store = join(scratch, 'store');
    const dataFolder = join(scratch, 'data');
    expect(await recordedThrough(await openAccessLogFor({ kind: 'folder', address: store }, { dataFolder }))).toEqual([
      'read-1',
    ]);
    expect([existsSync(join(store, ACCESS_LOG_FILE)), existsSync(join(dataFolder, ACCESS_LOG_FILE))]).toEqual([
      true,
      false,
    ]);
  });

  it('is a file in the data folder for EventStoreDB, which keeps nothing but events', async () => {
    const dataFolder = join(scratch, 'data');
    const location = { kind: 'esdb', address: 'esdb://127.0.0.1:1?tls=false' } as const;
    expect(await recordedThrough(await openAccessLogFor(location, { dataFolder }))).toEqual(['read-1']);
    expect(existsSync(join(dataFolder, ACCESS_LOG_FILE))).toBe(true);
  });

  (postgresAvailableSync() ? it : it.skip)(
    'is a schema beside a PostgreSQL store’s, in the database it names',
    async () => {
      const database = await createTestDatabase('opener_access');
      try {
        const location = { kind: 'postgres', address: database.url, schema: 'coachline_a' } as const;
        const dataFolder = join(scratch, 'data');
        expect(await recordedThrough(await openAccessLogFor(location, { dataFolder }))).toEqual(['read-1']);
        expect(existsSync(dataFolder)).toBe(false);
      } finally {
        await database.drop();
      }
    },
    120_000,
  );
});
