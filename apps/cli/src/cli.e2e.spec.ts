import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '@coachline/domain';
import { at, historyBuilder } from '@coachline/projections/testing';
import { example, session } from './testing/example-history';
import { cli } from './testing/run-cli';
import { writeEventFile } from './testing/event-lines';

const dir = mkdtempSync(join(tmpdir(), 'coachline-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

describe('coachline', () => {
  it('prints its help and exits 0', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    for (const command of ['verify', 'import', 'export', 'replay', 'view', 'demo'])
      expect(run.stdout).toContain(command);
  });

  it.each([
    [['replay', '--view', 'dosage']],
    [['replay', '--events', 'x.jsonl', '--view', 'attendance']],
    [['replay', '--events', 'x.jsonl', '--view', 'dosage', '--format', 'xml']],
    [['replay', '--events', 'x.jsonl', '--view', 'dosage', '--as-of', 'last tuesday']],
    [['verify', '--events', 'x.jsonl', '--colour']],
    [['audit']],
  ])('exits 2 on bad usage: %j', async (argv) => {
    expect((await cli(...argv)).code).toBe(2);
  });

  it('exits 1 on a file it cannot read', async () => {
    const run = await cli('verify', '--events', file('missing.jsonl'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing.jsonl: cannot read the file');
  });

  describe('verify', () => {
    it('accepts a good history', async () => {
      writeEventFile(file('good.jsonl'), example());
      const run = await cli('verify', '--events', file('good.jsonl'));
      expect([run.code, run.stdout]).toEqual([0, `${file('good.jsonl')}: 9 events, no errors\n`]);
    });

    it('names the line and the field of every error it finds, not just the first', async () => {
      const [community, year, coach, enrolled, s1, s2] = example() as [
        RecordedEvent,
        RecordedEvent,
        RecordedEvent,
        RecordedEvent,
        RecordedEvent,
        RecordedEvent,
      ];
      const stranger = historyBuilder()
        .add('SessionLogged', { ...session('s-9', '2025-09-05', 30), providerId: 'p-404' }, at('2025-09-05'))
        .events()[0]!;
      const observation = historyBuilder()
        .add(
          'ObservationScheduled',
          {
            providerId: 'p-017',
            observationId: 'o-1',
            instrument: 'TPOT',
            scheduledFor: '2025-09-20',
            observerId: 'obs-2',
          },
          at('2025-09-06'),
        )
        .events()[0]!;
      const debrief = {
        ...s2,
        id: 'e-debrief',
        type: 'DebriefHeld',
        data: {
          providerId: 'p-017',
          observationId: 'o-1',
          heldOn: '2025-09-22',
          strengths: ['Warm greetings.'],
          nextSteps: ['Visual schedule.'],
          scores: { keyPracticesPercent: 61 },
        },
      };
      writeEventFile(file('bad.jsonl'), [
        community,
        year,
        coach,
        enrolled,
        { ...s1, data: { ...s1.data, heldOn: '2025-09-31', durationMinutes: '45' } },
        '{"id": "broken",',
        { ...s2, type: 'SessionDeleted' },
        { ...s2, id: 'e-1' },
        { ...stranger, id: 'e-stranger' },
        { ...observation, id: 'e-observation' },
        debrief,
      ]);
      const run = await cli('verify', '--events', file('bad.jsonl'));
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split('\n');
      const name = file('bad.jsonl');
      expect(lines).toEqual([
        `${name}:5: data.heldOn: expected a calendar date YYYY-MM-DD, got "2025-09-31"`,
        `${name}:5: data.durationMinutes: expected an integer from 1 to 480, got "45"`,
        expect.stringMatching(new RegExp(`^${name}:6: \\(line\\): not valid JSON`)),
        `${name}:7: type: unknown event type "SessionDeleted"`,
        `${name}:8: id: duplicate event id "e-1", first on line 1`,
        expect.stringMatching(new RegExp(`^${name}:9: data.providerId: .*\\(provider-not-enrolled\\)$`)),
        expect.stringMatching(new RegExp(`^${name}:10: data.instrument: .*\\(consent-required\\)$`)),
        `${name}:11: data.scores: a debrief never carries observation scores (rule 5)`,
        '8 error(s) in 11 event(s)',
      ]);
    });
  });

  describe('replay', () => {
    beforeAll(() => writeEventFile(file('example.jsonl'), example()));

    it('gives the dosage view as the analytics guide shows it, and nothing but JSON on stdout', async () => {
      const run = await cli(
        'replay',
        '--events',
        file('example.jsonl'),
        '--view',
        'dosage',
        '--as-of',
        '2025-11-15T12:00:00Z',
        '--format',
        'json',
      );
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({
        asOf: '2025-11-15T12:00:00.000Z',
        guideId: 'rir-year-1',
        providers: [
          {
            providerId: 'p-017',
            coachId: 'c-03',
            targetMinutes: 150,
            months: [
              { month: '2025-09', minutes: 165, status: 'met' },
              { month: '2025-10', minutes: 90, status: 'partial' },
              { month: '2025-11', minutes: 0, status: 'none' },
            ],
            yearToDateMinutes: 255,
          },
        ],
        coaches: [{ coachId: 'c-03', caseload: 1, underTargetThisMonth: ['p-017'] }],
      });
    });

    it('writes CSV with a header row', async () => {
      const run = await cli(
        'replay',
        '--events',
        file('example.jsonl'),
        '--view',
        'dosage',
        '--as-of',
        '2025-10-31',
        '--format',
        'csv',
      );
      expect(run.stdout.split('\n').slice(0, 3)).toEqual([
        'providerId,coachId,month,minutes,targetMinutes,status,yearToDateMinutes',
        'p-017,c-03,2025-09,165,150,met,255',
        'p-017,c-03,2025-10,90,150,partial,255',
      ]);
    });

    it('computes no view from a file with a bad line', async () => {
      writeEventFile(file('torn.jsonl'), [...example(), '{"id":']);
      const run = await cli('replay', '--events', file('torn.jsonl'), '--view', 'dosage');
      expect([run.code, run.stdout]).toEqual([1, '']);
      expect(run.stderr).toContain('torn.jsonl:10: (line): not valid JSON');
    });
  });

  describe('demo', () => {
    it('writes the same year for the same seed, and one that verifies', async () => {
      expect((await cli('demo', '--out', file('a.jsonl'), '--providers', '6', '--seed', '3')).code).toBe(0);
      expect((await cli('demo', '--out', file('b.jsonl'), '--providers', '6', '--seed', '3')).code).toBe(0);
      expect(readFileSync(file('a.jsonl'), 'utf8')).toBe(readFileSync(file('b.jsonl'), 'utf8'));
      expect((await cli('verify', '--events', file('a.jsonl'))).code).toBe(0);
    });
  });

  it('is a real binary of the workspace', () => {
    const run = spawnSync(process.execPath, [join(__dirname, '..', 'bin', 'coachline.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: coachline');
  });
});
