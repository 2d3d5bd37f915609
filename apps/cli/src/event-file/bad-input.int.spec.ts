import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXCERPT_LIMIT, RecordedEvent } from '@coachline/domain';
import { cli } from '../testing/run-cli';
import { example } from '../testing/example-history';
import { badLine, fileBytes, INJECTIONS, MARKER, RawLine } from '../testing/hostile-lines';

// `verify` and `import` as a user runs them, on the zero-set-up store (embedded PGlite).
const dir = mkdtempSync(join(tmpdir(), 'coachline-bad-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = join(dir, 'store');
let files = 0;

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\ufeff]/;

const writeLines = (lines: ReadonlyArray<RawLine>): string => {
  const file = join(dir, `f${++files}.jsonl`);
  writeFileSync(file, fileBytes(lines));
  return file;
};

const storedEvents = async (): Promise<Array<Record<string, unknown>>> => {
  const out = join(dir, `export-${++files}.jsonl`);
  const run = await cli('export', '--out', out, '--store', store);
  expect(run.code).toBe(0);
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
};

/** A community whose name is an injection string, kept as data; its ids follow the id grammar. */
const hostileCommunity = (text: string, i: number): RecordedEvent => {
  const first = example()[0]!;
  const communityId = `c${i}-end`;
  return {
    ...first,
    id: `inj-${i}-end`,
    stream: `community-${communityId}`,
    position: i + 1,
    data: { communityId, name: text, kind: 'county' },
    metadata: { ...first.metadata, commandId: `cmd-${i}-end` },
  } as RecordedEvent;
};

/** The same community with the injection string in every id instead. */
const hostileIds = (text: string, i: number): RecordedEvent => {
  const event = hostileCommunity('A county', i);
  const communityId = `c${i}-${text}`;
  return {
    ...event,
    id: `inj-${i}-${text}`,
    stream: `community-${communityId}`,
    data: { ...event.data, communityId },
    metadata: { ...event.metadata, commandId: `cmd-${i}-${text}` },
  } as RecordedEvent;
};

describe('coachline verify and import under bad input, on an embedded store', () => {
  jest.setTimeout(180_000);
  const injected = INJECTIONS.map(hostileCommunity);

  it('refuses injection strings in ids, naming each id field, and imports nothing', async () => {
    const file = writeLines(INJECTIONS.map(hostileIds).map((e) => JSON.stringify(e)));
    for (const command of ['verify', 'import'] as const) {
      const run = await cli(command, '--events', file, ...(command === 'import' ? ['--store', store, '--create'] : []));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/:1: id: expected an id of 1 to 128 letters/);
      expect(run.stderr).toMatch(/:1: (stream|data\.communityId|metadata\.commandId): expected an id/);
    }
    // Not even the store it was asked to make: a file with any error writes nothing.
    expect(existsSync(store)).toBe(false);
  });

  it('keeps injection strings in names as plain data, byte for byte', async () => {
    const file = writeLines(injected.map((e) => JSON.stringify(e)));
    expect((await cli('verify', '--events', file)).code).toBe(0);
    const run = await cli('import', '--events', file, '--store', store, '--create');
    expect(run).toEqual(
      expect.objectContaining({ code: 0, stdout: `imported ${injected.length} events into ${store}\n` }),
    );
    const stored = await storedEvents();
    expect(
      stored.map((e) => [e['id'], e['stream'], e['data'], (e['metadata'] as Record<string, unknown>)['commandId']]),
    ).toEqual(injected.map((e) => [e.id, e.stream, e.data, e.metadata.commandId]));
  });

  it('refuses every bad line with file:line: path: message on safe lines, exit code 1, and writes nothing', async () => {
    const before = (await storedEvents()).length;
    const history = example();
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 0, max: history.length - 1 })
          .chain((at) => badLine(history[at]!).map((bad) => ({ at, bad }))),
        async ({ at, bad }) => {
          const file = writeLines([...history.slice(0, at).map((e) => JSON.stringify(e)), bad.line]);
          for (const command of ['verify', 'import'] as const) {
            const run = await cli(command, '--events', file, ...(command === 'import' ? ['--store', store] : []));
            expect(run.code).toBe(1);
            const lines = run.stderr.trimEnd().split('\n');
            const errors = lines.slice(0, -1);
            expect(errors.length).toBeGreaterThan(0);
            for (const line of errors) expect(line.startsWith(`${file}:${at + 1}: `)).toBe(true);
            expect(lines.at(-1)).toMatch(
              command === 'import' ? /error\(s\); nothing was imported$/ : /error\(s\) in \d+ event\(s\)$/,
            );
            expect(run.stderr).not.toMatch(UNSAFE);
            expect(run.stderr).not.toContain(MARKER.repeat(EXCERPT_LIMIT + 1));
          }
        },
      ),
      { numRuns: 25, seed: 7_2028 },
    );
    expect((await storedEvents()).length).toBe(before);
  });

  it('imports nothing when a good file ends in a line the store could not keep', async () => {
    const before = (await storedEvents()).length;
    const good = example().map((e) => JSON.stringify({ ...e, id: `late-${e.id}` }));
    const nul = JSON.stringify({
      ...example()[0],
      id: 'late-nul',
      data: { communityId: 'kent', name: '@@', kind: 'county' },
    }).replace('"@@"', '"Kent\\u0000"');
    const run = await cli('import', '--events', writeLines([...good, nul]), '--store', store);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`:${good.length + 1}: data.name: must not contain U+0000 or an unpaired surrogate`);
    expect((await storedEvents()).length).toBe(before);
  });
});
