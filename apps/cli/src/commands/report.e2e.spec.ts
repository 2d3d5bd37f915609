import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@coachline/domain';
import { reportOf } from '@coachline/projections';
import { cli } from '../testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'coachline-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EVENTS = join(dir, 'year.jsonl');
const COMMUNITY = ['--community', 'cedar-county', '--month', '2026-03'];

const events = (): RecordedEvent[] =>
  readFileSync(EVENTS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RecordedEvent);

/** Every coach and provider id the generated year holds. */
const peopleIds = (): string[] => [
  ...new Set(
    events().flatMap((e) => {
      const data = e.data as { providerId?: string; coachId?: string };
      return [data.providerId, data.coachId].filter((id): id is string => id !== undefined);
    }),
  ),
];

beforeAll(async () => {
  expect((await cli('demo', '--out', EVENTS, '--providers', '8', '--seed', '2025')).code).toBe(0);
});

describe('coachline report', () => {
  it('gives the community’s month as the report is made from the same history', async () => {
    const run = await cli('report', '--events', EVENTS, ...COMMUNITY, '--as-of', '2026-03-31');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const report = JSON.parse(run.stdout);
    expect(report).toEqual(reportOf(events(), 'cedar-county', '2026-03', '2026-03-31T23:59:59.999Z'));
    expect(report).toMatchObject({ communityId: 'cedar-county', month: '2026-03', on: '2026-03-31' });
    expect(report.dosage.providers).toBeGreaterThan(0);
    expect(report.coaches.length).toBeGreaterThan(0);
  });

  it('gives leadership counts and durations only, in every format', async () => {
    const json = await cli('report', '--events', EVENTS, ...COMMUNITY, '--for', 'leadership');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).not.toHaveProperty('coaches');
    for (const format of ['json', 'csv', 'table', 'html']) {
      const run = await cli('report', '--events', EVENTS, ...COMMUNITY, '--for', 'leadership', '--format', format);
      expect(run.code).toBe(0);
      for (const id of peopleIds()) expect(run.stdout).not.toMatch(new RegExp(`\\b${id}\\b`));
    }
  });

  it('writes one CSV table and a printable page', async () => {
    const csv = await cli('report', '--events', EVENTS, ...COMMUNITY, '--format', 'csv');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('section,subject,measure,value');
    expect(lines).toContain('report,,month,2026-03');
    expect(lines.some((line) => line.startsWith('coach,c-01,lagMedianDays,'))).toBe(true);
    const html = await cli('report', '--events', EVENTS, ...COMMUNITY, '--format', 'html');
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).toContain('@media print');
    expect(html.stdout).not.toMatch(/<script/i);
  });

  it('reads a store as it reads a file', async () => {
    const store = join(dir, 'store');
    expect((await cli('import', '--events', EVENTS, '--store', store, '--create')).code).toBe(0);
    const fromStore = await cli('report', '--store', store, ...COMMUNITY, '--format', 'csv');
    const fromFile = await cli('report', '--events', EVENTS, ...COMMUNITY, '--format', 'csv');
    expect(fromStore.code).toBe(0);
    expect(fromStore.stdout).toBe(fromFile.stdout);
    // An embedded store takes seconds to open on a busy machine.
  }, 60_000);

  it('refuses a community the history never names, and bad usage, echoing nothing raw', async () => {
    const unknown = await cli('report', '--events', EVENTS, '--community', 'ottawa', '--month', '2026-03');
    expect([unknown.code, unknown.stderr]).toEqual([1, '--community ottawa: no such community in this history\n']);
    for (const argv of [
      ['--community', '\u001b[31mkent', '--month', '2026-03'],
      ['--community', 'cedar-county', '--month', '2026-13'],
      ['--community', 'cedar-county', '--month', '\u202e2026-03'],
      [...COMMUNITY, '--for', 'coach'],
      [...COMMUNITY, '--format', 'pdf'],
      [...COMMUNITY, '--as-of', 'yesterday'],
      ['--month', '2026-03'],
    ]) {
      const run = await cli('report', '--events', EVENTS, ...argv);
      expect([argv, run.code]).toEqual([argv, 2]);
      expect(run.stderr).not.toMatch(/[\u001b\u202e]/);
    }
    const both = await cli('report', '--events', EVENTS, '--store', 'memory:', ...COMMUNITY);
    expect([both.code, both.stderr]).toEqual([
      2,
      'report: --events and --store name two histories; give one of them\n',
    ]);
  });
});
