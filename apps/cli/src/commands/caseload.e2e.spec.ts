import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { at } from '@coachline/projections/testing';
import { example } from '../testing/example-history';
import { writeEventFile } from '../testing/event-lines';
import { cli } from '../testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'coachline-caseload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);
const EVENTS = file('example.jsonl');

/** The guides' example (p-017 with coach c-03) and a second provider with another coach. */
const history = () => {
  const events = example();
  const enrolled = events.find((e) => e.type === 'ProviderEnrolled')!;
  return [
    ...events,
    {
      ...enrolled,
      id: 'e-p-001',
      stream: 'provider-p-001',
      position: events.length + 1,
      revision: 0,
      data: { ...enrolled.data, providerId: 'p-001', coachId: 'c-09', enrolledOn: '2025-10-01' },
      metadata: { ...enrolled.metadata, recordedAt: at('2025-10-01') },
    },
  ];
};

beforeAll(() => writeEventFile(EVENTS, history()));

describe('coachline caseload', () => {
  it('lists each provider by coach as of the history’s newest recordedAt', async () => {
    const run = await cli('caseload', '--events', EVENTS);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const list = JSON.parse(run.stdout);
    expect(list.asOf).toBe('2025-10-20T12:00:00.000Z');
    expect(list.providers.map((p: { providerId: string }) => p.providerId)).toEqual(['p-017', 'p-001']);
    expect(list.providers[0]).toMatchObject({
      coachId: 'c-03',
      siteId: 'site-4',
      thisMonth: { month: '2025-10', minutes: 90, targetMinutes: 150, status: 'partial' },
      next: { requirementId: 'dosage-2025-10', status: 'due', windowTo: '2025-10-31', days: 11 },
    });
  });

  it('filters by coach and community, as of the moment asked, in CSV', async () => {
    const run = await cli(
      'caseload',
      '--events',
      EVENTS,
      '--coach',
      'c-03',
      '--as-of',
      '2025-09-30',
      '--format',
      'csv',
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^providerId,coachId,communityId,.*,nextDays$/);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/^p-017,c-03,kent,py-2025,site-4,center,2025-09-02,,2025-09,165,150,met,/);
    const kent = await cli('caseload', '--events', EVENTS, '--community', 'kent', '--format', 'table');
    expect(kent.code).toBe(0);
    expect(kent.stdout).toContain('p-001');
  });

  it('reads a store as it reads a file', async () => {
    const store = file('store');
    expect((await cli('import', '--events', EVENTS, '--store', store, '--create')).code).toBe(0);
    const fromStore = await cli('caseload', '--store', store, '--as-of', '2025-10-15');
    const fromFile = await cli('caseload', '--events', EVENTS, '--as-of', '2025-10-15');
    expect(fromStore.code).toBe(0);
    expect(fromStore.stdout).toBe(fromFile.stdout);
    // An embedded store takes seconds to open on a busy machine.
  }, 60_000);

  it('refuses a coach or community the history never names, and bad usage', async () => {
    const unknown = await cli('caseload', '--events', EVENTS, '--coach', 'c-77');
    expect([unknown.code, unknown.stderr]).toEqual([1, '--coach c-77: no such coach in this history\n']);
    const hostile = await cli('caseload', '--events', EVENTS, '--community', '\u001b[31mkent');
    expect(hostile.code).toBe(2);
    expect(hostile.stderr).not.toContain('\u001b');
    expect((await cli('caseload', '--events', EVENTS, '--as-of', 'yesterday')).code).toBe(2);
    expect((await cli('caseload', '--events', EVENTS, '--format', 'xml')).code).toBe(2);
  });
});
