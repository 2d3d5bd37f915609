import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './testing/run-cli';
import { writeEventFile } from './testing/event-lines';
import { example } from './testing/example-history';

// The commands that work on a store, on the zero-set-up default: embedded PGlite in a folder.
const dir = mkdtempSync(join(tmpdir(), 'coachline-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

describe('coachline on an embedded store', () => {
  jest.setTimeout(60_000);
  const store = file('store');

  beforeAll(() => {
    writeEventFile(file('example.jsonl'), example());
    writeEventFile(file('bad.jsonl'), [
      ...example()
        .slice(0, 4)
        .map((e) => ({ ...e, id: `bad-${e.id}` })),
      '{"id":',
    ]);
  });

  it('imports nothing from a file with any bad line, and makes no store for it', async () => {
    const run = await cli('import', '--events', file('bad.jsonl'), '--store', store, '--create');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing was imported');
    expect(existsSync(store)).toBe(false);
  });

  it('imports a good file, then gives the same view as a replay of it', async () => {
    expect((await cli('import', '--events', file('example.jsonl'), '--store', store, '--create')).stdout).toBe(
      `imported 9 events into ${store}\n`,
    );
    const fromStore = await cli('view', 'dosage', '--store', store, '--as-of', '2025-11-15T12:00:00Z');
    const fromFile = await cli(
      'replay',
      '--events',
      file('example.jsonl'),
      '--view',
      'dosage',
      '--as-of',
      '2025-11-15T12:00:00Z',
    );
    expect(fromStore.code).toBe(0);
    expect(JSON.parse(fromStore.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });

  it('exports the history it holds, in order, with positions, as of a moment', async () => {
    expect((await cli('export', '--out', file('all.jsonl'), '--store', store)).code).toBe(0);
    const exported = readFileSync(file('all.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(exported.map((e) => [e.id, e.position])).toEqual(example().map((e, i) => [e.id, i + 1]));
    expect(exported.map((e) => e.data)).toEqual(example().map((e) => e.data));

    await cli('export', '--out', file('september.jsonl'), '--store', store, '--as-of', '2025-09-30');
    const september = readFileSync(file('september.jsonl'), 'utf8').trim().split('\n');
    expect(september).toHaveLength(7);
  });

  it('verifies its own export', async () => {
    expect((await cli('verify', '--events', file('all.jsonl'))).code).toBe(0);
  });
});
