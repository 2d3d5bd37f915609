import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { RecordedEvent } from '@coachline/domain';
import { identifyingHistory, IdentifyingHistory, MARKER_START } from '@coachline/projections/testing';
import { openStore } from '../store/open-store';
import { cli } from '../testing/run-cli';
import { ACCESS_LOG_FILE } from '@coachline/eventstore';
import { PSEUDONYM_SECRET_ENV, PSEUDONYM_SECRET_FILE } from './pseudonym-secret';

// Every export here runs on the zero-set-up store: embedded PGlite in a folder.
jest.setTimeout(300_000);
const dir = mkdtempSync(join(tmpdir(), 'coachline-extracts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;
const fresh = (name: string) => join(dir, `${name}-${++runs}`);

/** A store holding the history as it was recorded; the generated events need not pass the deciders. */
const storeOf = async (events: ReadonlyArray<RecordedEvent>): Promise<string> => {
  const folder = fresh('store');
  const store = await openStore(folder, { create: true });
  try {
    for (const e of events)
      await store.append(
        e.stream,
        [{ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }],
        'any',
      );
  } finally {
    await store.close();
  }
  return folder;
};

const secretFile = (value: string): string => {
  const path = fresh('secret');
  writeFileSync(path, value, { mode: 0o600 });
  return path;
};

const KEY_A = secretFile('a'.repeat(40));
const KEY_B = secretFile('b'.repeat(40));

const exported = async (...argv: string[]): Promise<string> => {
  const out = fresh('out');
  const run = await cli('export', '--out', out, ...argv);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return readFileSync(out, 'utf8');
};

const pseudonymsIn = (text: string): string[] =>
  [...new Set(text.match(/\b(provider|coach|child)-[0-9a-f]{16}\b/g) ?? [])].sort();

/** Counts of fewer than five providers are written as suppressed, whatever the history. */
const smallCellsSuppressed = (lines: ReadonlyArray<Record<string, unknown>>): void => {
  const providersOf = new Map(
    lines
      .filter((l) => l.record === 'aggregate' && l.measure === 'providers')
      .map((l) => [`${l.by}/${l.group}`, l.value]),
  );
  for (const line of lines.filter((l) => l.record === 'aggregate')) {
    const providers = providersOf.get(`${line.by}/${line.group}`);
    if (line.value !== null) expect(providers).toBeGreaterThanOrEqual(5);
    else expect(line.suppressed).toBe(true);
  }
};

describe('coachline export --for evaluation and --for share, on histories full of names, notes, scores and child data', () => {
  it('leaks nothing of them, keeps pseudonyms stable under one secret and different under another, and suppresses small cells', () =>
    fc.assert(
      fc.asyncProperty(identifyingHistory({ maxEvents: 40 }), async (history: IdentifyingHistory) => {
        const store = await storeOf(history.events);
        const first = await exported('--for', 'evaluation', '--store', store, '--pseudonym-secret', KEY_A);
        const again = await exported('--for', 'evaluation', '--store', store, '--pseudonym-secret', KEY_A);
        const rekeyed = await exported('--for', 'evaluation', '--store', store, '--pseudonym-secret', KEY_B);
        const share = await exported('--for', 'share', '--store', store);
        for (const text of [first, rekeyed]) {
          expect(history.secrets.filter((secret) => text.includes(secret))).toEqual([]);
          expect(text).not.toContain(MARKER_START);
        }
        // The share names providers by id and carries goal descriptions (rule 10); nothing else of the history.
        const sharable = new Set([...history.providerIds, ...history.goalDescriptions]);
        expect(history.secrets.filter((secret) => !sharable.has(secret) && share.includes(secret))).toEqual([]);
        expect(history.scoreValues.filter((value) => share.includes(String(Math.floor(value))))).toEqual([]);
        expect(again).toBe(first);
        const [a, b] = [pseudonymsIn(first), pseudonymsIn(rekeyed)];
        expect(a.filter((p) => p.startsWith('provider-'))).toHaveLength(history.providerIds.length);
        expect(b).toHaveLength(a.length);
        expect(a.filter((p) => b.includes(p))).toEqual([]);
        const lines = first
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        expect(lines[0]).toMatchObject({ record: 'manifest', extract: 'evaluation', suppressionThreshold: 5 });
        smallCellsSuppressed(lines);
        expect(Object.keys(JSON.parse(share))).toEqual(['asOf', 'providers']);
      }),
      { numRuns: 3, endOnFailure: true },
    ));
});

describe('coachline export --for evaluation', () => {
  let store: string;

  beforeAll(async () => {
    const [history] = fc.sample(identifyingHistory({ maxEvents: 40 }), { numRuns: 1, seed: 7 });
    store = await storeOf(history!.events);
  });

  it('keeps a generated secret beside the store, readable by its owner only, and uses it again', async () => {
    const first = await exported('--for', 'evaluation', '--store', store);
    const secret = join(store, PSEUDONYM_SECRET_FILE);
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(readFileSync(secret, 'utf8').length).toBeGreaterThanOrEqual(32);
    expect(await exported('--for', 'evaluation', '--store', store)).toBe(first);
  });

  it('takes the secret from the environment when no file is named', async () => {
    const keyed = await exported('--for', 'evaluation', '--store', store, '--pseudonym-secret', KEY_B);
    process.env[PSEUDONYM_SECRET_ENV] = 'b'.repeat(40);
    try {
      expect(await exported('--for', 'evaluation', '--store', store)).toBe(keyed);
    } finally {
      delete process.env[PSEUDONYM_SECRET_ENV];
    }
  });

  it('writes one long CSV table whose first rows are the manifest', async () => {
    const csv = (
      await exported('--for', 'evaluation', '--store', store, '--format', 'csv', '--as-of', '2025-12-31')
    ).split('\n');
    expect(csv[0]).toBe('record,provider,child,coach,community,programYear,by,group,on,measure,value,suppressed');
    expect(csv[1]).toBe('manifest,,,,,,,evaluation,,extract,,');
    expect(csv[2]).toBe('manifest,,,,,,,,2025-12-31T23:59:59.999Z,asOf,,');
    expect(csv[3]).toMatch(/^manifest,,,,,,,"Every count .*",,suppressionThreshold,5,$/);
  });

  it('records each extract in the store’s access log, as the API records a read', async () => {
    const log = () =>
      readFileSync(join(store, ACCESS_LOG_FILE), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    const before = log().length;
    const out = fresh('out');
    await cli('export', '--for', 'evaluation', '--store', store, '--out', out, '--as-of', '2026-01-31');
    expect(log()).toHaveLength(before + 1);
    expect(log().at(-1)).toMatchObject({
      actor: { role: 'admin' },
      view: 'evaluation-extract',
      query: { asOf: '2026-01-31T23:59:59.999Z', out },
    });
    expect(statSync(join(store, ACCESS_LOG_FILE)).mode & 0o777).toBe(0o600);
  });

  it('refuses an unknown reader, a stream, and a short secret', async () => {
    expect((await cli('export', '--for', 'leadership', '--out', fresh('out'), '--store', store)).code).toBe(2);
    expect(
      (await cli('export', '--for', 'evaluation', '--stream', 'provider-a', '--out', fresh('out'), '--store', store))
        .code,
    ).toBe(2);
    const short = await cli(
      'export',
      '--for',
      'evaluation',
      '--out',
      fresh('out'),
      '--store',
      store,
      '--pseudonym-secret',
      secretFile('short'),
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('shorter than 32 characters');
  });
});
