import type { LoadedProjection, ProjectionCheckpoints } from '@coachline/eventstore';
import { openPgliteEventStore, openPostgresEventStore } from './open';
import type { PostgresEventStore } from './postgres-event-store';
import {
  dropSchemaOnPglite,
  dropSchemaOnServer,
  postgresAvailableSync,
  testDatabaseUrl,
  uniqueSchema,
  useSharedPglite,
} from './testing';

const entriesOf = async (record: LoadedProjection | undefined): Promise<Array<readonly [string, unknown]>> => {
  const entries: Array<readonly [string, unknown]> = [];
  for await (const entry of record?.subjectEntries?.() ?? []) entries.push(entry);
  return entries;
};

const key = (id: string) => JSON.stringify(['view', 'providers', id]);
const base = { name: 'dosage', version: 3 };

const checkpointTests = (
  open: (schema: string) => Promise<PostgresEventStore>,
  drop: (schema: string) => Promise<void>,
) => {
  jest.setTimeout(60_000);
  let store: PostgresEventStore;
  let checkpoints: ProjectionCheckpoints;
  let schema: string;
  beforeEach(async () => {
    schema = uniqueSchema('subjects');
    store = await open(schema);
    checkpoints = store.projectionCheckpoints();
  });
  afterEach(async () => {
    await store.close();
    await drop(schema);
  });

  it('keeps a view by subject: each save writes the entries that changed, a load reads them one by one', async () => {
    // More entries than one statement writes, so the chunks meet.
    const many = Array.from({ length: 2_500 }, (_, i) => [key(`p-${i}`), { minutes: i }] as const);
    await checkpoints.save({
      ...base,
      position: 10,
      state: { view: { providers: {} } },
      subjects: { fresh: true, changed: many },
    });
    await checkpoints.save({
      ...base,
      position: 12,
      state: { view: { providers: {} }, latestRecordedAt: '2025-10-01T12:00:00.000Z' },
      subjects: {
        fresh: false,
        changed: [
          [key('p-1'), { minutes: 45 }],
          [key('p-2'), undefined],
          [key('__proto__'), { minutes: 5 }],
        ],
      },
    });
    const loaded = await checkpoints.load('dosage');
    expect(loaded).toMatchObject({ ...base, position: 12, state: { latestRecordedAt: '2025-10-01T12:00:00.000Z' } });
    const entries = new Map(await entriesOf(loaded));
    expect(entries.size).toBe(2_500);
    expect(entries.get(key('p-1'))).toEqual({ minutes: 45 });
    expect(entries.has(key('p-2'))).toBe(false);
    expect(entries.get(key('p-2499'))).toEqual({ minutes: 2_499 });

    const [listed] = await checkpoints.list();
    const providers = (listed!.state as { view: { providers: Record<string, unknown> } }).view.providers;
    expect(Object.keys(providers)).toHaveLength(2_500);
    expect(Object.getOwnPropertyDescriptor(providers, '__proto__')?.value).toEqual({ minutes: 5 });
    expect(providers['p-1']).toEqual({ minutes: 45 });
  });

  it('drops every entry when a view is saved whole or from scratch, and rolls a failed save back whole', async () => {
    await checkpoints.save({
      ...base,
      position: 3,
      state: { view: {} },
      subjects: { fresh: true, changed: [[key('p-1'), { minutes: 1 }]] },
    });
    await checkpoints.save({ ...base, position: 4, state: { view: { providers: { 'p-9': {} } } } });
    expect(await checkpoints.load('dosage')).toEqual({
      ...base,
      position: 4,
      state: { view: { providers: { 'p-9': {} } } },
    });

    await checkpoints.save({
      ...base,
      position: 5,
      state: { view: {} },
      subjects: { fresh: true, changed: [[key('p-2'), { minutes: 2 }]] },
    });
    // An entry JSON cannot write fails the save: neither the position nor any entry moves.
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    await expect(
      checkpoints.save({
        ...base,
        position: 6,
        state: { view: {} },
        subjects: {
          fresh: false,
          changed: [
            [key('p-3'), { minutes: 3 }],
            [key('p-4'), cyclic],
          ],
        },
      }),
    ).rejects.toThrow();
    const loaded = await checkpoints.load('dosage');
    expect(loaded?.position).toBe(5);
    expect(await entriesOf(loaded)).toEqual([[key('p-2'), { minutes: 2 }]]);
  });

  it('writes a large save compressed as the engine best can, and reads it back as saved', async () => {
    // Entries large enough for the engine to compress each, in a save large by its shared part.
    const entries = Array.from({ length: 100 }, (_, i) => {
      const sessions = Array.from({ length: 200 }, (_, s) => ({ sessionId: `s-${i}-${s}`, minutes: (i * s) % 90 }));
      return [key(`p-${String(i).padStart(4, '0')}`), { sessions }] as const;
    });
    await checkpoints.save({
      ...base,
      position: 9,
      state: { view: { note: 'x'.repeat(2_000_000) } },
      subjects: { fresh: true, changed: entries },
    });
    const loaded = await checkpoints.load('dosage');
    expect(loaded?.state).toEqual({ view: { note: 'x'.repeat(2_000_000) } });
    expect(await entriesOf(loaded)).toEqual(entries);
    const client = (store as unknown as { client: { query: <R>(sql: string) => Promise<R[]> } }).client;
    const [row] = await client.query<{ lz4: boolean }>(
      `SELECT coalesce(bool_or('lz4' = ANY(enumvals)), false) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`,
    );
    const methods = await client.query<{ method: string | null }>(
      `SELECT DISTINCT pg_column_compression(state) AS method FROM "${schema}".projection_subjects WHERE name = 'dosage'`,
    );
    if (row?.lz4 === true) expect(methods.map((row) => row.method)).toEqual(['lz4']);
    // A small save after it keeps the engine's default.
    await checkpoints.save({
      ...base,
      position: 10,
      state: { view: {} },
      subjects: { fresh: false, changed: [[key('p-0000'), { sessions: [] }]] },
    });
    expect((await entriesOf(await checkpoints.load('dosage')))[0]).toEqual([key('p-0000'), { sessions: [] }]);
  });
};

describe('projection checkpoints by subject, on PGlite', () => {
  const pglite = useSharedPglite();
  checkpointTests(
    (schema) => openPgliteEventStore({ pglite: pglite(), schema }),
    (schema) => dropSchemaOnPglite(pglite(), schema),
  );
});

(postgresAvailableSync() ? describe : describe.skip)(
  'projection checkpoints by subject, on the PostgreSQL server',
  () => {
    checkpointTests(
      (schema) => openPostgresEventStore({ connectionString: testDatabaseUrl(), schema }),
      (schema) => dropSchemaOnServer(schema),
    );
  },
);
