import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ACCESS_LOG_FILE, FileAccessLog, ViewRead } from '@coachline/eventstore';
import { createTestDatabase, postgresAvailableSync } from '@coachline/eventstore-postgres/testing';
import { writeEventFile } from '../testing/event-lines';
import { example } from '../testing/example-history';
import { cli } from '../testing/run-cli';

// What the command line reads of scores, the history and child data is recorded in the store's
// access log, the one the API writes, and `coachline access-log` lists it with the API's filters.
jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), 'coachline-access-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);
const EVENTS = path('example.jsonl');
const SECRET = path('pseudonym-secret');
beforeAll(() => {
  writeEventFile(EVENTS, example());
  writeFileSync(SECRET, 'k'.repeat(40), { mode: 0o600 });
});

const today = () => new Date().toISOString().slice(0, 10);

interface Listing {
  readonly day?: string;
  readonly from?: string;
  readonly to?: string;
  readonly reads: ViewRead[];
}

type OpenStore = () => Promise<{ store: string; dispose: () => Promise<void> }>;

const embedded: OpenStore = async () => {
  const store = path(`store-${Math.random().toString(36).slice(2)}`);
  expect((await cli('import', '--events', EVENTS, '--store', store, '--create')).code).toBe(0);
  return { store, dispose: async () => undefined };
};

const onServer: OpenStore = async () => {
  const database = await createTestDatabase('cli_access');
  expect((await cli('import', '--events', EVENTS, '--store', database.url, '--create')).code).toBe(0);
  return { store: database.url, dispose: () => database.drop() };
};

const engines: Array<[string, OpenStore]> = [
  ['an embedded store', embedded],
  ...(postgresAvailableSync() ? [['a PostgreSQL server', onServer] as [string, OpenStore]] : []),
];

describe.each(engines)('the command line’s reads on %s', (_engine, open) => {
  let store: string;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await open()));
  afterAll(() => dispose());

  const listing = async (...argv: string[]): Promise<Listing> => {
    const run = await cli('access-log', '--store', store, ...argv);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    return JSON.parse(run.stdout) as Listing;
  };
  const reads = async () => (await listing()).reads;

  const out = path('out.jsonl');
  const RECORDED: Array<[string, string[], string, Record<string, string>]> = [
    ['a view of the evaluation', ['view', 'evaluation', '--provider', 'p-017'], 'evaluation', { providerId: 'p-017' }],
    [
      'a view of the history',
      ['view', 'history', '--stream', 'provider-p-017', '--as-of', '2025-09-30'],
      'history',
      { stream: 'provider-p-017', asOf: '2025-09-30T23:59:59.999Z' },
    ],
    ['an export of the history', ['export', '--out', out], 'history-export', { out }],
    [
      'an export of a stream as of a day',
      ['export', '--out', out, '--stream', 'provider-p-017', '--as-of', '2025-09-30'],
      'history-export',
      { out, stream: 'provider-p-017', asOf: '2025-09-30T23:59:59.999Z' },
    ],
    [
      'an export with child data opened',
      ['export', '--out', out, '--open-child-data'],
      'history-export',
      { out, childData: 'opened' },
    ],
    [
      'the evaluation extract',
      ['export', '--for', 'evaluation', '--out', out, '--as-of', '2025-12-31', '--pseudonym-secret', SECRET],
      'evaluation-extract',
      { out, asOf: '2025-12-31T23:59:59.999Z' },
    ],
  ];

  it.each(RECORDED)('records %s once: who (--as), what, and when', async (_name, argv, view, query) => {
    const before = await reads();
    const started = Date.now();
    const run = await cli(...argv, '--store', store, '--as', 'aud-7');
    expect(run.code).toBe(0);
    const after = await reads();
    expect(after).toHaveLength(before.length + 1);
    const read = after.at(-1)!;
    expect(read).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      actor: { id: 'aud-7', role: 'admin' },
      view,
      query,
      correlationId: read.id,
    });
    expect(Date.parse(read.at)).toBeGreaterThanOrEqual(started - 1_000);
    expect(ViewRead.is(read)).toBe(true);
  });

  it('records nothing of the views that hold no scores, nor of the share', async () => {
    const before = await reads();
    for (const view of ['dosage', 'timeline', 'cycles', 'share'])
      expect((await cli('view', view, '--store', store)).code).toBe(0);
    expect((await cli('export', '--for', 'share', '--out', out, '--store', store)).code).toBe(0);
    expect(await reads()).toEqual(before);
  });

  it('names the operating-system user when no one is named with --as', async () => {
    expect((await cli('view', 'evaluation', '--store', store)).code).toBe(0);
    expect((await reads()).at(-1)!.actor).toEqual({ id: userInfo().username, role: 'admin' });
  });

  it('lists the reads as the API does: by reader, view and subject, for a day or a span of days', async () => {
    const all = await listing();
    expect(all.day).toBe(today());
    const byReader = await listing('--reader', 'aud-7');
    expect(byReader.reads.length).toBe(RECORDED.length);
    expect(
      (await listing('--view', 'history-export')).reads.map((read) => read.query['childData'] ?? 'sealed'),
    ).toEqual(['sealed', 'sealed', 'opened']);
    const aboutP017 = await listing('--subject', 'p-017');
    expect(aboutP017.reads.map((read) => read.view)).toEqual(['evaluation', 'history', 'history-export']);
    expect(await listing('--from', '2020-01-01', '--to', '2020-01-31')).toEqual({
      from: '2020-01-01',
      to: '2020-01-31',
      reads: [],
    });
    expect((await listing('--from', today())).reads).toEqual(all.reads);
  });

  it('lists them as a table or as CSV', async () => {
    const csv = await cli(
      'access-log',
      '--store',
      store,
      '--reader',
      'aud-7',
      '--view',
      'evaluation',
      '--format',
      'csv',
    );
    const [header, row] = csv.stdout.trim().split('\n');
    expect(header).toBe('at,reader,role,view,query,correlationId');
    expect(row).toMatch(/^\d{4}-\d\d-\d\dT[^,]+,aud-7,admin,evaluation,providerId=p-017,[0-9a-f-]{36}$/);
    const table = await cli('access-log', '--store', store, '--reader', 'aud-7', '--format', 'table');
    expect(table.stdout).toContain('history-export');
  });

  it.each([
    [['--from', '2026-01-16', '--to', '2026-01-15'], 'access-log: from (2026-01-16) is after to (2026-01-15)'],
    [['--from', '2026-01-01', '--to', '2026-03-01'], 'access-log: a listing covers at most 31 days, asked for 60'],
    [
      ['--day', '2026-01-15', '--from', '2026-01-15'],
      'access-log: ask for one day (day) or a span (from, to), not both',
    ],
    [['--day', '2026-02-30'], '--day: expected a calendar date YYYY-MM-DD, got "2026-02-30"'],
    [
      ['--reader', '__proto__'],
      '--reader: expected an id of 1 to 128 letters, digits and -_.: (not a name such as __proto__ or constructor), got "__proto__"',
    ],
  ])('refuses a listing asked wrongly as bad usage: %j', async (argv, line) => {
    expect(await cli('access-log', '--store', store, ...argv)).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
  });
});

describe('the access log of an embedded store', () => {
  it('is the API’s: its reads and the command line’s are listed together', async () => {
    const { store } = await embedded();
    const apiRead: ViewRead = {
      id: 'r-api',
      at: new Date().toISOString(),
      actor: { id: 'ev-1', role: 'evaluator' },
      view: 'evaluation',
      query: { providerId: 'p-017' },
      correlationId: 'corr-1',
    };
    await new FileAccessLog(join(store, ACCESS_LOG_FILE)).record(apiRead);
    expect((await cli('view', 'evaluation', '--store', store, '--as', 'aud-7')).code).toBe(0);
    const listed = JSON.parse((await cli('access-log', '--store', store)).stdout) as Listing;
    expect(listed.reads.map((read) => read.actor.id)).toEqual(['ev-1', 'aud-7']);
  });

  it('refuses a read it cannot record: nothing is shown and no file is written', async () => {
    const { store } = await embedded();
    // A folder where the log file should be: every append to it fails.
    mkdirSync(join(store, ACCESS_LOG_FILE));
    const view = await cli('view', 'evaluation', '--store', store);
    expect({ code: view.code, stdout: view.stdout }).toEqual({ code: 1, stdout: '' });
    expect(view.stderr).toMatch(/^The access log could not record the read: .*\(the read was refused\)\n$/);
    const target = path('refused.jsonl');
    const exported = await cli('export', '--out', target, '--store', store);
    expect(exported.code).toBe(1);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('refused'))).toEqual([]);
  });

  it('names a listing of a store that is not there, and makes none', async () => {
    const missing = path('no-store');
    expect(await cli('access-log', '--store', missing)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${missing}: no such folder, so no store; a store is made only by import --create\n`,
    });
    expect(existsSync(missing)).toBe(false);
  });
});
