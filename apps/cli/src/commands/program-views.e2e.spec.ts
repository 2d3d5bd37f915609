import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { at, historyBuilder } from '@coachline/projections/testing';
import { example } from '../testing/example-history';
import { writeEventFile } from '../testing/event-lines';
import { cli } from '../testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'coachline-program-views-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);
const EVENTS = file('example.jsonl');
const admin = { id: 'admin-1', role: 'admin' as const };

/** The guides' example (Kent County, coach c-03 with five sessions), a credential verified, two plan steps, and a second county. */
const history = () => {
  const base = example();
  const more = historyBuilder()
    .add(
      'CoachQualificationRecorded',
      { coachId: 'c-03', qualificationId: 'q-1', credential: 'Pyramid Model coach certification' },
      at('2025-06-22'),
      admin,
    )
    .add(
      'CoachQualificationVerified',
      {
        coachId: 'c-03',
        qualificationId: 'q-1',
        credential: 'Pyramid Model coach certification',
        verifiedBy: 'sup-1',
        verifiedOn: '2025-10-22',
      },
      at('2025-10-22'),
      { id: 'sup-1', role: 'supervisor' },
    )
    .add(
      'ImplementationPlanStepRecorded',
      {
        communityId: 'kent',
        step: 1,
        answers: { 'vision-in-one-year': 'Every provider uses Pyramid practices daily.' },
        plan: 'Share the vision at the Director Training.',
      },
      at('2025-10-23'),
      admin,
    )
    .add('CommunityRegistered', { communityId: 'lake', name: 'Lake County', kind: 'county' }, at('2025-10-24'), admin)
    .events();
  // Placed after the example's events, in the order the file holds them.
  return [...base, ...more.map((event, i) => ({ ...event, id: `extra-${i}`, position: base.length + i + 1 }))].map(
    (event) => ({ ...event, revision: undefined }),
  );
};

beforeAll(() => writeEventFile(EVENTS, history()));

describe('coachline coaches', () => {
  it('lists each coach with their sessions, hours and qualifications as verified, as of the history’s newest recordedAt', async () => {
    const run = await cli('coaches', '--events', EVENTS);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const view = JSON.parse(run.stdout);
    expect(view.asOf).toBe('2025-10-24T12:00:00.000Z');
    expect(view.coaches).toEqual([
      expect.objectContaining({
        coachId: 'c-03',
        communityId: 'kent',
        verified: true,
        qualifications: [expect.objectContaining({ qualificationId: 'q-1', verified: true, verifiedBy: 'sup-1' })],
      }),
    ]);
    expect(view.coaches[0].sessions).toBe(5);
  });

  it('shows the qualification unverified as the program knew it before the verification, in CSV', async () => {
    const run = await cli('coaches', '--events', EVENTS, '--as-of', '2025-10-01', '--format', 'csv');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const [header, row, ...rest] = run.stdout.trim().split('\n');
    expect(header).toMatch(/^coachId,name,communityId,role,coachVerified,/);
    expect(row).toMatch(/^c-03,Dana Ruiz,kent,coach,false,3,/);
    expect(rest).toEqual([]);
  });

  it('narrows to a community, and refuses one the history never names', async () => {
    const lake = await cli('coaches', '--events', EVENTS, '--community', 'lake');
    expect([lake.code, JSON.parse(lake.stdout).coaches]).toEqual([0, []]);
    const unknown = await cli('coaches', '--events', EVENTS, '--community', 'nowhere');
    expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([
      1,
      '',
      '--community nowhere: no such community in this history\n',
    ]);
  });

  it('refuses a file with a bad line, making no view', async () => {
    const broken = file('broken.jsonl');
    writeFileSync(broken, '{"id":\n');
    const run = await cli('coaches', '--events', broken);
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toMatch(/broken\.jsonl:1: \(line\): not valid JSON: .*\n1 error\(s\); no view was made\n$/);
  });
});

describe('coachline implementation-plan', () => {
  it('gives each community’s seven steps, with the step recorded and its answer', async () => {
    const run = await cli('implementation-plan', '--events', EVENTS, '--community', 'kent');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const [kent, ...others] = JSON.parse(run.stdout).communities;
    expect(others).toEqual([]);
    expect([kent.communityId, kent.stepsRecorded, kent.steps.length, kent.steps[0].plan]).toEqual([
      'kent',
      1,
      7,
      'Share the vision at the Director Training.',
    ]);
    expect(kent.steps[0].questions).toContainEqual(
      expect.objectContaining({
        questionId: 'vision-in-one-year',
        answer: 'Every provider uses Pyramid practices daily.',
      }),
    );
  });

  it('shows a plan with nothing recorded before the step was, in a terminal table', async () => {
    const run = await cli('implementation-plan', '--events', EVENTS, '--as-of', '2025-10-22', '--format', 'table');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('communityId');
    expect(run.stdout).not.toContain('Share the vision');
    const later = await cli('implementation-plan', '--events', EVENTS, '--format', 'table');
    expect(later.stdout).toContain('Share the vision');
  });
});
