import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@coachline/domain';
import type { EventToAppend } from '@coachline/eventstore';
import { openPgliteEventStore, openPostgresEventStore, type PostgresEventStore } from '@coachline/eventstore-postgres';
import { createTestDatabase, openStoreDatabase, postgresAvailableSync } from '@coachline/eventstore-postgres/testing';
import { storedProjections } from '@coachline/projections';
import { ProjectionRunner } from '@coachline/views';
import { at, enrollment } from '@coachline/projections/testing';
import { cli } from './testing/run-cli';
import { example, session } from './testing/example-history';

// Stored views edited behind the store's back, as someone with write access to the database
// could: `coachline verify --store` rebuilds each from the events and names what differs, and
// never writes to the store it checks.
const dir = mkdtempSync(join(tmpdir(), 'coachline-views-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

const document = { uri: 's3://consents/scan.pdf', sha256: 'b'.repeat(64) };

/** The dosage example, a TPOT observation with its scores, and a second coach with a provider of her own. */
const history = (): RecordedEvent[] => {
  const events = example();
  let position = events.length;
  const more: Array<[string, unknown, string]> = [
    [
      'ConsentUploaded',
      { providerId: 'p-017', consentId: 'k-1', instrument: 'TPOT', signedOn: '2025-09-03', document },
      at('2025-09-03'),
    ],
    [
      'ObservationScheduled',
      {
        providerId: 'p-017',
        observationId: 'o-1',
        instrument: 'TPOT',
        scheduledFor: '2025-09-20',
        observerId: 'obs-9',
      },
      at('2025-09-05'),
    ],
    [
      'ObservationCompleted',
      {
        providerId: 'p-017',
        observationId: 'o-1',
        observedOn: '2025-09-20',
        scores: { keyPracticesPercent: 64.3, redFlags: 2 },
      },
      at('2025-09-21'),
    ],
    ['CoachRegistered', { coachId: 'c-04', communityId: 'kent', name: 'Lee Park', role: 'coach' }, at('2025-09-01')],
    ['ProviderEnrolled', enrollment('p-018', '2025-09-08', { coachId: 'c-04' }), at('2025-09-08')],
  ];
  for (const [type, data, recordedAt] of more) {
    position += 1;
    const stream =
      type === 'CoachRegistered' ? 'coach-c-04' : `provider-${(data as { providerId: string }).providerId}`;
    events.push({
      id: `e-extra-${position}`,
      stream,
      type,
      schemaVersion: 1,
      data,
      metadata: {
        actor: { id: 'admin-1', role: 'admin' },
        recordedAt,
        commandId: `cmd-extra-${position}`,
        correlationId: `cmd-extra-${position}`,
      },
      position,
      revision: events.filter((event) => event.stream === stream).length,
    } as RecordedEvent);
  }
  return events;
};

/** The store as a process that writes to it opens it (creating and migrating its schema). */
const openWriter = (location: string): Promise<PostgresEventStore> =>
  /^postgres/.test(location)
    ? openPostgresEventStore({ connectionString: location })
    : openPgliteEventStore({ dataDir: location });

const toAppend = (event: RecordedEvent): EventToAppend => ({
  id: event.id,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: event.metadata,
});

/** Every table of the store's schema, its columns and every row: what "verify wrote nothing" is checked against. */
const dump = async (location: string): Promise<string> => {
  const database = await openStoreDatabase(location);
  try {
    const tables = await database.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'coachline' ORDER BY table_name",
    );
    const parts: unknown[] = [];
    for (const { table_name: table } of tables) {
      const columns = await database.query(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'coachline' AND table_name = $1 ORDER BY column_name`,
        [table],
      );
      parts.push({ table, columns, rows: await database.query(`SELECT * FROM coachline."${table}" ORDER BY 1`) });
    }
    return JSON.stringify(parts);
  } finally {
    await database.close();
  }
};

const sql = async (location: string, ...statements: string[]): Promise<void> => {
  const database = await openStoreDatabase(location);
  try {
    for (const statement of statements) await database.query(statement);
  } finally {
    await database.close();
  }
};

/** Runs verify, and checks that the store is row for row what it was before. */
const verifyWritingNothing = async (location: string) => {
  const before = await dump(location);
  const run = await cli('verify', '--store', location);
  expect(await dump(location)).toBe(before);
  return run;
};

/** Edits a stored view at `path` ({view,table,id,...}): in the row of the subject's entry, as views are kept by subject. */
const setState = (name: string, path: string, value: string) => {
  const [view, table, id, ...rest] = path.slice(1, -1).split(',');
  const subject = JSON.stringify([view, table, id]);
  const edited = rest.length === 0 ? `'${value}'` : `jsonb_set(state::jsonb, '{${rest.join(',')}}', '${value}')::text`;
  return `UPDATE coachline.projection_subjects SET state = ${edited} WHERE name = '${name}' AND subject = '${subject}'`;
};

const storedViewTests = (location: () => string) => {
  const events = history();
  /** Where the views were brought up to; one more event is appended after, so they lag behind the head. */
  const viewsAt = events.length;
  const head = viewsAt + 1;

  beforeAll(async () => {
    const store = await openWriter(location());
    try {
      for (const event of events) await store.append(event.stream, [toAppend(event)], 'any');
      // Every view kept as `coachline projections` keeps them, and the caseloads as an API of an
      // earlier release kept them.
      const runner = new ProjectionRunner({
        store,
        checkpoints: store.projectionCheckpoints(),
        projections: storedProjections,
      });
      await runner.start();
      await runner.stop();
      const logged = session('s-6', '2025-10-28', 30);
      await store.append(
        'provider-p-017',
        [
          {
            id: 'e-late',
            type: 'SessionLogged',
            schemaVersion: 1,
            data: logged,
            metadata: {
              actor: { id: 'c-03', role: 'coach' },
              recordedAt: at('2025-10-28'),
              commandId: 'cmd-late',
              correlationId: 'cmd-late',
            },
          },
        ],
        'any',
      );
    } finally {
      await store.close();
    }
  });

  it('finds every stored view the same as the events at its own position, and writes nothing', async () => {
    const run = await verifyWritingNothing(location());
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^store: ${head} events, chain intact, head [0-9a-f]{64}$`));
    expect(lines.slice(1, 3)).toEqual([
      `tree: ${head} events sealed, the root of the store's tree recomputed from them`,
      'checkpoints: none signed yet; events removed from the end of the store cannot be detected',
    ]);
    expect(lines.slice(3)).toEqual(
      ['caseloads', 'cycles', 'dosage', 'evaluation', 'history', 'recording-lag', 'share', 'timeline'].map(
        (name) =>
          `view ${name} at position ${viewsAt}: matches the events up to that position (the head is at ${head})`,
      ),
    );
  });

  it('names a session’s duration and an observation’s score edited in the stored views, and writes nothing', async () => {
    await sql(
      location(),
      'CREATE TABLE coachline.projections_kept AS SELECT * FROM coachline.projections',
      'CREATE TABLE coachline.subjects_kept AS SELECT * FROM coachline.projection_subjects',
      setState('dosage', '{view,providers,p-017,sessions,s-2,durationMinutes}', '90'),
      setState('evaluation', '{view,providers,p-017,observations,o-1,scores,keyPracticesPercent}', '99'),
    );
    try {
      const run = await verifyWritingNothing(location());
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        `${location()}: view dosage at position ${viewsAt} differs from the events at view.providers["p-017"].sessions["s-2"].durationMinutes: stored 90, the events give 45`,
        `${location()}: view evaluation at position ${viewsAt} differs from the events at view.providers["p-017"].observations["o-1"].scores.keyPracticesPercent: stored 99, the events give 64.3`,
        `${location()}: 2 of 8 stored view(s) differ from the events`,
      ]);
      expect(run.stdout).toContain(`view share at position ${viewsAt}: matches the events`);
      expect(run.stdout).not.toContain('view dosage');
    } finally {
      await sql(
        location(),
        'DELETE FROM coachline.projections',
        'INSERT INTO coachline.projections SELECT * FROM coachline.projections_kept',
        'DROP TABLE coachline.projections_kept',
        'DELETE FROM coachline.projection_subjects',
        'INSERT INTO coachline.projection_subjects SELECT * FROM coachline.subjects_kept',
        'DROP TABLE coachline.subjects_kept',
      );
    }
    expect((await cli('verify', '--store', location())).code).toBe(0);
  });

  it('names a caseload forged in the stored views: a coach given another coach’s provider', async () => {
    await sql(
      location(),
      'CREATE TABLE coachline.projections_kept AS SELECT * FROM coachline.projections',
      'CREATE TABLE coachline.subjects_kept AS SELECT * FROM coachline.projection_subjects',
      setState('caseloads', '{view,coachOf,p-018}', '"c-03"'),
      setState('caseloads', '{view,caseloads,c-03,p-018}', 'true'),
    );
    try {
      const run = await verifyWritingNothing(location());
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `view caseloads at position ${viewsAt} differs from the events at view.coachOf["p-018"]: stored "c-03", the events give "c-04"`,
      );
    } finally {
      await sql(
        location(),
        'DELETE FROM coachline.projections',
        'INSERT INTO coachline.projections SELECT * FROM coachline.projections_kept',
        'DROP TABLE coachline.projections_kept',
        'DELETE FROM coachline.projection_subjects',
        'INSERT INTO coachline.projection_subjects SELECT * FROM coachline.subjects_kept',
        'DROP TABLE coachline.subjects_kept',
      );
    }
  });

  it('reports views that are not what a runner writes: beyond the head, not JSON', async () => {
    await sql(
      location(),
      'CREATE TABLE coachline.projections_kept AS SELECT * FROM coachline.projections',
      `UPDATE coachline.projections SET position = ${head + 100} WHERE name = 'share'`,
      `UPDATE coachline.projections SET state = '{"view":' WHERE name = 'cycles'`,
    );
    try {
      const run = await verifyWritingNothing(location());
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `view cycles at position ${viewsAt} differs from the events in its state: what is stored is not JSON`,
      );
      expect(run.stderr).toContain(
        `view share at position ${head + 100} differs from the events in its position: the store's head is at ${head}`,
      );
    } finally {
      await sql(
        location(),
        'DELETE FROM coachline.projections',
        'INSERT INTO coachline.projections SELECT * FROM coachline.projections_kept',
        'DROP TABLE coachline.projections_kept',
      );
    }
  });

  it('reports a schema without its hash columns and their migration (exit 2), and neither migrates nor hashes it', async () => {
    await sql(
      location(),
      'ALTER TABLE coachline.events DROP COLUMN hash, DROP COLUMN chain',
      'ALTER TABLE coachline.streams DROP COLUMN hash',
      'ALTER TABLE coachline.head DROP COLUMN chain',
      'DELETE FROM coachline.schema_migrations WHERE version = 3',
      // And the edit the re-hashing of a migration would have blessed.
      "UPDATE coachline.events SET data = jsonb_set(data, '{durationMinutes}', '90') WHERE position = 6",
    );
    const run = await verifyWritingNothing(location());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter((line) => line !== '')).toEqual([
      expect.stringContaining(
        `${location()}: the schema "coachline" is not the one this Coachline writes: migration 3 (hash chain`,
      ),
    ]);
    expect(run.stderr).toContain('missing events.hash, events.chain, streams.hash, head.chain');
  });
};

describe('verify --store and the stored views, on embedded PGlite', () => {
  jest.setTimeout(120_000);
  storedViewTests(() => file('store'));

  it('says an existing folder holding no database holds no store, and leaves it empty', async () => {
    mkdirSync(file('empty'));
    expect(await cli('verify', '--store', file('empty'))).toMatchObject({
      code: 1,
      stderr: `${file('empty')}: no store in this folder\n`,
    });
    expect(readdirSync(file('empty'))).toEqual([]);
  });
});

(postgresAvailableSync() ? describe : describe.skip)(
  'verify --store and the stored views, on the PostgreSQL server',
  () => {
    jest.setTimeout(120_000);
    let database: { url: string; drop(): Promise<void> } | undefined;
    beforeAll(async () => {
      database = await createTestDatabase('views');
    });
    afterAll(() => database?.drop());
    storedViewTests(() => database!.url);

    it('says a database that was never a store holds none (exit 2), creates nothing in it, and never shows a password', async () => {
      const empty = await createTestDatabase('never');
      try {
        const withPassword = new URL(empty.url);
        withPassword.password = 'hunter2';
        const run = await cli('verify', '--store', withPassword.toString());
        withPassword.password = '***';
        expect(run).toMatchObject({
          code: 2,
          stderr: `${withPassword.toString()}: no Coachline store here: the database has no schema "coachline"\n`,
        });
        const database = await openStoreDatabase(empty.url);
        try {
          expect(await database.query("SELECT nspname FROM pg_namespace WHERE nspname = 'coachline'")).toEqual([]);
        } finally {
          await database.close();
        }
      } finally {
        await empty.drop();
      }
    });
  },
);
