import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, openStoreDatabase, postgresAvailableSync } from '@coachline/eventstore-postgres/testing';
import { version } from '../package.json';
import { MAX_LINE_ERRORS } from './event-file/line-error-limit';
import { writeEventFile } from './testing/event-lines';
import { example } from './testing/example-history';
import { cli, cliProcess, type CliRun } from './testing/run-cli';

// Each way a command can be called wrongly ends at once with one line naming the problem, a
// non-zero exit (2 for bad usage, 1 for everything else) and nothing written.
jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'coachline-failures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (...parts: string[]) => join(dir, ...parts);

/** Every file and folder under the test folder, to show a failed command wrote nothing. */
const tree = (): string[] => (readdirSync(dir, { recursive: true }) as string[]).sort();

const STORE = path('store');
const EVENTS = path('example.jsonl');

beforeAll(async () => {
  writeEventFile(EVENTS, example());
  expect((await cli('import', '--events', EVENTS, '--store', STORE, '--create')).code).toBe(0);
});

/** Runs the command and checks the one line, the exit code, the empty stdout and the untouched folder. */
const refused = async (argv: string[], line: string, code: 1 | 2): Promise<CliRun> => {
  const before = tree();
  const run = await cli(...argv);
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code, stdout: '', stderr: `${line}\n` });
  expect(tree()).toEqual(before);
  return run;
};

describe('--out naming a folder that does not exist', () => {
  const out = path('no-such-folder', 'out.jsonl');
  const line = `${out}: cannot write the file: there is no folder ${path('no-such-folder')}`;

  it.each([
    ['the history', []],
    ['the history with child data opened', ['--open-child-data']],
    ['a stream', ['--stream', 'provider-p-017']],
    ['the share', ['--for', 'share']],
    ['the share as CSV', ['--for', 'share', '--format', 'csv']],
    ['the evaluation extract', ['--for', 'evaluation']],
  ])('refuses to export %s, before opening the store', async (_what, extra) => {
    await refused(['export', '--out', out, '--store', STORE, ...extra], line, 1);
  });

  it('refuses the demo year', async () => {
    await refused(['demo', '--out', out, '--providers', '2'], line, 1);
  });

  it('refuses an --out that is a folder', async () => {
    await refused(['export', '--out', STORE, '--store', STORE], `${STORE}: cannot write the file: it is a folder`, 1);
  });
});

describe('a --store folder that holds no store', () => {
  const typo = path('stroe');

  it.each([
    ['view', ['view', 'dosage']],
    ['export', ['export', '--out', path('out.jsonl')]],
    ['export --for evaluation', ['export', '--for', 'evaluation', '--out', path('out.jsonl')]],
    ['projections', ['projections']],
    ['access-log', ['access-log']],
    ['import without --create', ['import', '--events', EVENTS]],
  ])('is never made by %s', async (_name, argv) => {
    await refused(
      [...argv, '--store', typo],
      `${typo}: no such folder, so no store; a store is made only by import --create`,
      1,
    );
    expect(existsSync(typo)).toBe(false);
  });

  it('in a folder that is there but empty is not made either', async () => {
    const empty = path('empty-folder');
    mkdirSync(empty);
    await refused(
      ['view', 'dosage', '--store', empty],
      `${empty}: no store in this folder; a store is made only by import --create`,
      1,
    );
    expect(readdirSync(empty)).toEqual([]);
  });

  it('is made by import --create only in a new or empty folder, never among other files', async () => {
    const other = path('other-files');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    await refused(
      ['import', '--events', EVENTS, '--store', other, '--create'],
      `${other}: the folder holds other files; make the store in a new or empty folder`,
      1,
    );
    expect(readdirSync(other)).toEqual(['notes.txt']);
  });

  it('named with a scheme no store has is bad usage', async () => {
    await refused(
      ['view', 'dosage', '--store', 'postgress://db/coachline'],
      '--store: expected memory:, a folder, postgres://… or esdb://…, got "postgress://db/coachline"',
      2,
    );
  });
});

describe('--events naming something that is not an event file', () => {
  const folder = path('a-folder');
  const missing = path('missing.jsonl');
  const empty = path('empty.jsonl');
  const blank = path('blank.jsonl');
  const csv = path('year.csv');
  const CSV_LINES = 278;

  beforeAll(() => {
    mkdirSync(folder);
    writeFileSync(empty, '');
    writeFileSync(blank, '\n  \n\r\n');
    writeFileSync(
      csv,
      ['provider,month,minutes', ...Array.from({ length: CSV_LINES - 1 }, (_, i) => `p-${i},2025-09,${i}`)].join('\n'),
    );
  });

  const commands: Array<[string, (file: string) => string[]]> = [
    ['verify', (file) => ['verify', '--events', file]],
    ['replay', (file) => ['replay', '--events', file, '--view', 'dosage']],
    ['import', (file) => ['import', '--events', file, '--store', path('never-made'), '--create']],
  ];

  describe.each(commands)('%s', (_name, argv) => {
    it('names a folder', () => refused(argv(folder), `${folder}: cannot read the file: it is a folder`, 1));
    it('says a missing file is missing', () =>
      refused(argv(missing), `${missing}: cannot read the file: no such file`, 1));
    it('names an empty file', () =>
      refused(argv(empty), `${empty}: the file is empty; an event file holds one event per line (JSON Lines)`, 1));

    it('names a file of blank lines', async () => {
      const run = await cli(...argv(blank));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(
          `^${blank}: the file holds only blank lines; an event file holds one event per line \\(JSON Lines\\)(; nothing was imported)?\\n$`,
        ),
      );
      expect(existsSync(path('never-made'))).toBe(false);
    });

    it(`stops a CSV file after ${MAX_LINE_ERRORS} errors and says how many lines it did not read`, async () => {
      const started = Date.now();
      const run = await cli(...argv(csv));
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(run.code).toBe(1);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(MAX_LINE_ERRORS + 1);
      expect(lines.slice(0, -1).every((line, i) => line.startsWith(`${csv}:${i + 1}: (line): not valid JSON`))).toBe(
        true,
      );
      expect(lines.at(-1)).toMatch(
        new RegExp(
          `^${csv}: stopped after ${MAX_LINE_ERRORS} errors at line ${MAX_LINE_ERRORS}; ${CSV_LINES - MAX_LINE_ERRORS} more line\\(s\\) were not read(; nothing was imported)?$`,
        ),
      );
      expect(existsSync(path('never-made'))).toBe(false);
    });
  });

  it('lists every error of a file whose errors run out before the limit, as before', async () => {
    const few = path('few-errors.jsonl');
    writeEventFile(few, [...example(), '{"id":', 'not json']);
    const run = await cli('verify', '--events', few);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${few}:10: \\(line\\): not valid JSON`)),
      expect.stringMatching(new RegExp(`^${few}:11: \\(line\\): not valid JSON`)),
      '2 error(s) in 11 event(s)',
    ]);
  });
});

describe('a selection naming what the history does not hold', () => {
  it.each([
    [['--provider', 'p-404'], '--provider p-404: no such provider in this history'],
    [['--community', 'atlantis'], '--community atlantis: no such community in this history'],
  ])('is refused by replay and view: %j', async (selection, line) => {
    await refused(['replay', '--events', EVENTS, '--view', 'dosage', ...selection], line, 1);
    await refused(['view', 'dosage', '--store', STORE, ...selection], line, 1);
  });

  it('names a stream the history does not hold, for the history view and for an export', async () => {
    const line = '--stream provider-p-404: no such stream in this history';
    await refused(['replay', '--events', EVENTS, '--view', 'history', '--stream', 'provider-p-404'], line, 1);
    await refused(['view', 'history', '--store', STORE, '--stream', 'provider-p-404'], line, 1);
    await refused(['export', '--out', path('stream.jsonl'), '--store', STORE, '--stream', 'provider-p-404'], line, 1);
  });

  it('is bad usage when it is not an id at all', async () => {
    await refused(
      ['replay', '--events', EVENTS, '--view', 'dosage', '--provider', 'constructor'],
      '--provider: expected an id of 1 to 128 letters, digits and -_.: (not a name such as __proto__ or constructor), got "constructor"',
      2,
    );
  });

  it('still gives the view of a provider the history holds', async () => {
    const run = await cli('replay', '--events', EVENTS, '--view', 'dosage', '--provider', 'p-017');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).providers.map((p: { providerId: string }) => p.providerId)).toEqual(['p-017']);
  });
});

describe('coachline --version', () => {
  it('prints the version of the package and exits 0', async () => {
    expect(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version).toBe(version);
    const run = await cliProcess(['--version']);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout: `${version}\n`,
      stderr: '',
    });
  });
});

describe('a failure seen from the shell', () => {
  it('is one line and an exit code from the process itself, with no stack trace', async () => {
    const run = await cliProcess(['verify', '--events', path('a-folder')]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: `${path('a-folder')}: cannot read the file: it is a folder\n`,
    });
  });
});

(postgresAvailableSync() ? describe : describe.skip)('a PostgreSQL database that holds no store', () => {
  let database: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    database = await createTestDatabase('nostore');
  });
  afterAll(() => database?.drop());

  const schemas = async (): Promise<unknown[]> => {
    const session = await openStoreDatabase(database!.url);
    try {
      return await session.query("SELECT nspname FROM pg_namespace WHERE nspname = 'coachline'");
    } finally {
      await session.close();
    }
  };

  it('is refused by every command but import --create, which alone makes one there', async () => {
    const line = `${database!.url}: the database holds no Coachline store (no schema "coachline"); a store is made only by import --create`;
    for (const argv of [['view', 'dosage'], ['export', '--out', path('pg-export.jsonl')], ['projections']]) {
      const run = await cli(...argv, '--store', database!.url);
      expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
        code: 1,
        stdout: '',
        stderr: `${line}\n`,
      });
    }
    expect(existsSync(path('pg-export.jsonl'))).toBe(false);
    expect(await schemas()).toEqual([]);
    expect((await cli('import', '--events', EVENTS, '--store', database!.url, '--create')).code).toBe(0);
    expect(await schemas()).toEqual([{ nspname: 'coachline' }]);
    expect((await cli('view', 'dosage', '--store', database!.url)).code).toBe(0);
  });
});
