import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyBuilder, at } from '@coachline/projections/testing';
import { writeEventFile } from '../testing/event-lines';
import { cli } from '../testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'coachline-key-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

const history = () =>
  historyBuilder()
    .add(
      'AsqSe2Distributed',
      {
        screeningId: 'scr-1',
        providerId: 'p-017',
        ageIntervalMonths: 24,
        distributedOn: '2025-09-10',
        childRef: 'child-1',
        childName: 'Ottoline Brambleworth',
      },
      at('2025-09-10'),
    )
    .events();

/** One line, naming what is wrong, never a stack trace. */
const expectOneLine = (stderr: string, text: string) => {
  expect(stderr).toContain(text);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe('the key file of a store’s children’s keys', () => {
  jest.setTimeout(120_000);
  const store = file('store');
  const keyFile = join(`${store}-keys`, 'key-encryption-key.json');

  beforeAll(() => writeEventFile(file('history.jsonl'), history()));

  it('is made beside the store’s folder on first use, readable by its owner only', async () => {
    expect((await cli('import', '--events', file('history.jsonl'), '--store', store, '--create')).code).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(`${store}-keys`).mode & 0o777).toBe(0o700);
    expect(existsSync(join(store, 'key-encryption-key.json'))).toBe(false);
    expect((await cli('export', '--out', file('out.jsonl'), '--store', store)).code).toBe(0);
  });

  it('is refused inside the store’s folder, and nothing is written', async () => {
    const inside = join(store, 'keys', 'key-encryption-key.json');
    const run = await cli('export', '--out', file('inside.jsonl'), '--store', store, '--key-file', inside);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, `--key-file: the key file must be outside the store folder ${store}`);
    expect(existsSync(inside)).toBe(false);
    expect(existsSync(file('inside.jsonl'))).toBe(false);
  });

  it('missing, stops every command that opens the store with one line naming it, and no new key file is made', async () => {
    renameSync(keyFile, `${keyFile}.away`);
    try {
      for (const args of [
        ['export', '--out', file('missing.jsonl'), '--store', store],
        ['view', 'dosage', '--store', store],
        ['projections', '--store', store],
      ]) {
        const run = await cli(...args);
        expect({ args, code: run.code }).toEqual({ args, code: 1 });
        expectOneLine(run.stderr, `The key file ${keyFile} does not exist`);
        expect(existsSync(keyFile)).toBe(false);
      }
    } finally {
      renameSync(`${keyFile}.away`, keyFile);
    }
  });

  it('is taken from --key-file, else COACHLINE_KEY_FILE, wherever the operator keeps it', async () => {
    mkdirSync(file('elsewhere'), { mode: 0o700 });
    const elsewhere = file('elsewhere/keys.json');
    copyFileSync(keyFile, elsewhere);
    renameSync(keyFile, `${keyFile}.away`);
    try {
      expect(
        (await cli('export', '--out', file('by-option.jsonl'), '--store', store, '--key-file', elsewhere)).code,
      ).toBe(0);
      process.env['COACHLINE_KEY_FILE'] = elsewhere;
      expect((await cli('export', '--out', file('by-environment.jsonl'), '--store', store)).code).toBe(0);
    } finally {
      delete process.env['COACHLINE_KEY_FILE'];
      renameSync(`${keyFile}.away`, keyFile);
    }
  });
});
