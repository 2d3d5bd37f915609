import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeEventFile } from '../testing/event-lines';
import { example } from '../testing/example-history';
import { cli } from '../testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'coachline-due-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

interface Row {
  providerId: string;
  requirementId: string;
  status: string;
  days: number | null;
}
const brief = (rows: ReadonlyArray<Row>) => rows.map((r) => `${r.providerId} ${r.requirementId} ${r.status} ${r.days}`);

describe('coachline due', () => {
  jest.setTimeout(60_000);
  const events = file('example.jsonl');
  const store = file('store');
  beforeAll(async () => {
    writeEventFile(events, example());
    const imported = await cli('import', '--events', events, '--store', store, '--create');
    expect(imported.code).toBe(0);
  });

  it('replays a file as of its latest recordedAt: what is due, fewest days left first', async () => {
    const run = await cli('due', '--events', events);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const list = JSON.parse(run.stdout) as { asOf: string; on: string; rows: Row[] };
    expect([list.asOf, list.on]).toEqual(['2025-10-20T12:00:00.000Z', '2025-10-20']);
    // September's dosage was met; October's closes first, the year's first data by 1 November.
    expect(brief(list.rows)).toEqual([
      'p-017 dosage-2025-10 due 11',
      'p-017 asq-se2-distributed-preschool due 12',
      'p-017 benchmarks-of-quality due 12',
      'p-017 demographic-survey due 12',
      'p-017 evaluation-consent due 12',
      'p-017 joint-action-plan due 12',
      'p-017 observation-debriefed due 12',
      'p-017 observation-scheduled due 12',
    ]);
  });

  it('filters by coach, status, requirement and days ahead, on the day --as-of names', async () => {
    const run = await cli(
      'due',
      '--events',
      events,
      '--as-of',
      '2025-10-25',
      '--coach',
      'c-03',
      '--status',
      'due,upcoming',
      '--requirement',
      'dosage',
      '--within',
      '7',
    );
    expect(run.code).toBe(0);
    expect(brief(JSON.parse(run.stdout).rows)).toEqual([
      'p-017 dosage-2025-10 due 6',
      'p-017 dosage-2025-11 upcoming 7',
    ]);
    const otherCoach = await cli('due', '--events', events, '--coach', 'c-99', '--status', 'overdue,due,upcoming');
    expect(JSON.parse(otherCoach.stdout).rows).toEqual([]);
  });

  it('reads a store as the file gives it, in CSV and as a table', async () => {
    const args = ['--as-of', '2025-11-15', '--provider', 'p-017', '--format', 'csv'];
    const fromStore = await cli('due', '--store', store, ...args);
    const fromFile = await cli('due', '--events', events, ...args);
    expect(fromStore.code).toBe(0);
    expect(fromStore.stdout).toBe(fromFile.stdout);
    const lines = fromStore.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'providerId,coachId,communityId,requirementId,title,month,windowFrom,windowTo,status,days,late,metOn,metByEventId,minutes,targetMinutes',
    );
    expect(lines.length).toBeGreaterThan(1);
    const table = await cli('due', '--store', store, '--as-of', '2025-11-15', '--format', 'table');
    expect(table.stdout).toContain('requirementId');
    expect(table.stdout).toContain('dosage-2025-10');
    expect(table.stdout).toContain('overdue by 15d');
    for (const line of table.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(120);
  });

  it('refuses a provider or community the history does not hold (exit 1)', async () => {
    const run = await cli('due', '--events', events, '--provider', 'p-404');
    expect([run.code, run.stderr]).toEqual([1, '--provider p-404: no such provider in this history\n']);
  });

  it.each([
    [['--status', 'due,late'], /^--status: .*not a status: "late"\n$/],
    [['--status', 'due,\u001b[31m'], /^--status: .*not a status: "\\u001b\[31m"\n$/],
    [['--within=-1'], /^--within: expected a non-negative whole number of days/],
    [['--within', '2.5'], /^--within: /],
    [['--coach', '__proto__'], /^--coach: /],
    [['--requirement', 'dosage 2025'], /^--requirement: /],
    [['--as-of', 'yesterday'], /^--as-of: /],
    [['--format', 'xml'], /^--format: /],
    [['--store', 'memory:'], /^due: --events and --store name two histories/],
  ])('exits 2 on bad usage, one line naming the flag: %j', async (argv, message) => {
    const run = await cli('due', '--events', events, ...argv);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says in its help that it answers as of the latest recordedAt', async () => {
    const run = await cli('due', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('latest recordedAt');
  });
});
