import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeEventFile } from '../testing/event-lines';
import { example } from '../testing/example-history';
import { cli, cliProcess } from '../testing/run-cli';

// Whatever the umask, every file the command line writes is readable by its owner only, and
// every folder it makes is open to its owner only: exports and extracts hold a program's records,
// and `--open-child-data` children's data in the clear.
jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), 'coachline-modes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (...parts: string[]) => join(dir, ...parts);
const modeOf = (target: string): number => statSync(target).mode & 0o777;

const STORE = path('store');
const EVENTS = path('example.jsonl');
let umask: number;

beforeAll(async () => {
  // The most open umask there is: modes must come from the command line, not from the user's settings.
  umask = process.umask(0o000);
  writeEventFile(EVENTS, example());
  expect((await cli('import', '--events', EVENTS, '--store', STORE, '--create')).code).toBe(0);
});
afterAll(() => process.umask(umask));

describe('the files the command line writes', () => {
  it.each([
    ['an export', ['export', '--store', STORE]],
    ['an export with child data opened', ['export', '--store', STORE, '--open-child-data']],
    ['the share', ['export', '--for', 'share', '--store', STORE]],
    ['the share as CSV', ['export', '--for', 'share', '--format', 'csv', '--store', STORE]],
    ['the evaluation extract', ['export', '--for', 'evaluation', '--store', STORE]],
    ['the evaluation extract as CSV', ['export', '--for', 'evaluation', '--format', 'csv', '--store', STORE]],
    ['a demo year', ['demo', '--providers', '2']],
  ])('are readable by their owner only: %s', async (name, argv) => {
    const out = path(`${name.replace(/\W+/g, '-')}.out`);
    const run = await cli(...argv, '--out', out);
    expect(run.code).toBe(0);
    expect(modeOf(out)).toBe(0o600);
  });

  it('replace an older file of the same name, which takes the owner-only mode too', async () => {
    const out = path('older.jsonl');
    writeFileSync(out, 'an older export\n');
    chmodSync(out, 0o644);
    expect((await cli('export', '--out', out, '--store', STORE)).code).toBe(0);
    expect(modeOf(out)).toBe(0o600);
  });

  it('leave nothing half written behind', () => {
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('keep the store’s access log and pseudonym secret readable by their owner only', () => {
    expect(modeOf(join(STORE, 'access-log.jsonl'))).toBe(0o600);
    expect(modeOf(join(STORE, 'pseudonym-secret'))).toBe(0o600);
  });
});

describe('the folders the command line makes', () => {
  it('make a new store’s folder, and any folder above it, open to their owner only', async () => {
    const nested = path('new', 'nested', 'store');
    expect((await cli('import', '--events', EVENTS, '--store', nested, '--create')).code).toBe(0);
    for (const folder of [path('new'), path('new', 'nested'), nested]) expect(modeOf(folder)).toBe(0o700);
  });

  it('close an empty folder made into a store to all but its owner', async () => {
    const empty = path('empty');
    mkdirSync(empty, { mode: 0o777 });
    chmodSync(empty, 0o777);
    expect((await cli('import', '--events', EVENTS, '--store', empty, '--create')).code).toBe(0);
    expect(modeOf(empty)).toBe(0o700);
  });

  it('keep the pseudonym secret of a server store in a data folder open to its owner only', async () => {
    const work = path('work');
    mkdirSync(work);
    const run = await cliProcess(['export', '--for', 'evaluation', '--store', 'memory:', '--out', 'extract.jsonl'], {
      cwd: work,
    });
    expect(run.code).toBe(0);
    expect(modeOf(join(work, '.coachline'))).toBe(0o700);
    expect(modeOf(join(work, '.coachline', 'pseudonym-secret'))).toBe(0o600);
    expect(modeOf(join(work, 'extract.jsonl'))).toBe(0o600);
  });
});
