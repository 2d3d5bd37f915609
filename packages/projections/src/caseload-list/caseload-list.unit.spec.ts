import { RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, enrollment } from '../testing';
import { kentProgram, sessionData } from '../testing/fixtures';
import { dosageProjection } from '../dosage/dosage.projection';
import { DosageView } from '../dosage/dosage.view';
import { timelineProjection } from '../timeline/timeline.projection';
import { TimelineRequirement, TimelineView } from '../timeline/timeline.view';
import { CaseloadFilter, CaseloadList, caseloadList } from './caseload-list';
import { caseloadTable } from './caseload-list.table';
import { nextItems } from './next-item';

const listOf = (events: ReadonlyArray<RecordedEvent>, asOf: string, filter: CaseloadFilter = {}): CaseloadList =>
  caseloadList(
    viewOf<DosageView>(dosageProjection, events, { asOf }),
    viewOf<TimelineView>(timelineProjection, events, { asOf }),
    filter,
  );

/** Kent's program with a second coach: p-017 at a center with c-03, p-020 in a family home with c-04. */
const kent = () =>
  kentProgram()
    .add('CoachRegistered', { coachId: 'c-04', communityId: 'kent', name: 'Coach', role: 'coach' }, at('2025-06-21'))
    .add('ProviderEnrolled', enrollment('p-020', '2025-08-15', { coachId: 'c-04', setting: 'fcch' }), at('2025-08-15'))
    .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
    .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-03', 90), at('2025-09-04'));

const SEPT_20 = '2025-09-20T23:59:59.999Z';

describe('the caseload list', () => {
  it('gives each provider their coach, site, this month’s dosage and most urgent unmet requirement', () => {
    const list = listOf(kent().events(), SEPT_20);
    expect(list.asOf).toBe(SEPT_20);
    expect(list.on).toBe('2025-09-20');
    expect(list.providers).toEqual([
      {
        providerId: 'p-017',
        coachId: 'c-03',
        communityId: 'kent',
        programYearId: 'py-2025',
        siteId: 'site-p-017',
        setting: 'center',
        enrolledOn: '2025-07-01',
        exitedOn: null,
        thisMonth: { month: '2025-09', minutes: 90, targetMinutes: 150, status: 'partial' },
        // July's dosage closed 51 days ago: longer overdue than anything closed on August 31.
        next: {
          requirementId: 'dosage-2025-07',
          title: 'Coaching dosage: 2.5 hours this month',
          month: '2025-07',
          status: 'overdue',
          windowTo: '2025-07-31',
          days: 51,
        },
      },
      {
        providerId: 'p-020',
        coachId: 'c-04',
        communityId: 'kent',
        programYearId: 'py-2025',
        siteId: 'site-p-020',
        setting: 'fcch',
        enrolledOn: '2025-08-15',
        exitedOn: null,
        thisMonth: { month: '2025-09', minutes: 0, targetMinutes: 150, status: 'none' },
        next: expect.objectContaining({ status: 'overdue', windowTo: '2025-08-31', days: 20 }),
      },
    ]);
  });

  it('sorts by coach, then provider, whatever the order of enrolment', () => {
    const events = kent()
      .add('ProviderEnrolled', enrollment('p-001', '2025-07-01', { coachId: 'c-04' }), at('2025-07-02'))
      .add('ProviderEnrolled', enrollment('p-100', '2025-07-01'), at('2025-07-02'))
      .events();
    expect(listOf(events, SEPT_20).providers.map((p) => [p.coachId, p.providerId])).toEqual([
      ['c-03', 'p-017'],
      ['c-03', 'p-100'],
      ['c-04', 'p-001'],
      ['c-04', 'p-020'],
    ]);
  });

  it('lists a reassigned provider under the coach they have as of the moment asked about', () => {
    const events = kent()
      .add(
        'ProviderReassigned',
        { providerId: 'p-017', fromCoachId: 'c-03', toCoachId: 'c-04', on: '2025-10-01' },
        at('2025-10-01'),
      )
      .events();
    expect(listOf(events, SEPT_20, { coachId: 'c-03' }).providers.map((p) => p.providerId)).toEqual(['p-017']);
    const october = listOf(events, '2025-10-02T00:00:00.000Z');
    expect(october.providers.filter((p) => p.coachId === 'c-04').map((p) => p.providerId)).toEqual(['p-017', 'p-020']);
    expect(listOf(events, '2025-10-02T00:00:00.000Z', { coachId: 'c-03' }).providers).toEqual([]);
  });

  it('keeps only the community asked for', () => {
    const events = kent()
      .add('CommunityRegistered', { communityId: 'ottawa', name: 'Ottawa County', kind: 'county' }, at('2025-06-20'))
      .add(
        'ProgramYearStarted',
        {
          communityId: 'ottawa',
          programYearId: 'py-ottawa',
          guideId: 'rir-year-1',
          startsOn: '2025-07-01',
          endsOn: '2026-06-30',
        },
        at('2025-06-20'),
      )
      .add(
        'ProviderEnrolled',
        enrollment('p-500', '2025-07-01', { communityId: 'ottawa', programYearId: 'py-ottawa' }),
        at('2025-07-01'),
      )
      .events();
    expect(listOf(events, SEPT_20, { communityId: 'ottawa' }).providers.map((p) => p.providerId)).toEqual(['p-500']);
    expect(listOf(events, SEPT_20, { communityId: 'kent' }).providers.map((p) => p.providerId)).toEqual([
      'p-017',
      'p-020',
    ]);
  });

  it('caps this month at the program year’s last month, as the dosage view does', () => {
    const events = kent()
      .add('SessionLogged', sessionData('p-017', 's-2', '2026-06-10', 160), at('2026-06-11'))
      .events();
    const p017 = listOf(events, '2026-09-15T12:00:00.000Z').providers.find((p) => p.providerId === 'p-017')!;
    expect(p017.thisMonth).toEqual({ month: '2026-06', minutes: 160, targetMinutes: 150, status: 'met' });
  });

  it('gives no month figure for a provider who exited before this month', () => {
    const events = kent()
      .add('ProviderExited', { providerId: 'p-017', on: '2025-08-20', reason: 'left-program' }, at('2025-08-20'))
      .events();
    const p017 = listOf(events, SEPT_20).providers.find((p) => p.providerId === 'p-017')!;
    expect(p017.exitedOn).toBe('2025-08-20');
    expect(p017.thisMonth).toBeNull();
  });

  it('leaves out a provider enrolled after the moment asked about', () => {
    expect(listOf(kent().events(), '2025-08-01T00:00:00.000Z').providers.map((p) => p.providerId)).toEqual(['p-017']);
  });

  it('refuses views of two moments: the figures would not belong together', () => {
    const events = kent().events();
    expect(() =>
      caseloadList(
        viewOf<DosageView>(dosageProjection, events, { asOf: SEPT_20 }),
        viewOf<TimelineView>(timelineProjection, events, { asOf: '2025-09-21T00:00:00.000Z' }),
      ),
    ).toThrow(/one moment/);
  });

  it('gives a table with one row per provider under one header', () => {
    const table = caseloadTable(listOf(kent().events(), SEPT_20));
    expect(table.header).toContain('nextRequirementId');
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]).toEqual([
      'p-017',
      'c-03',
      'kent',
      'py-2025',
      'site-p-017',
      'center',
      '2025-07-01',
      null,
      '2025-09',
      90,
      150,
      'partial',
      'dosage-2025-07',
      'Coaching dosage: 2.5 hours this month',
      '2025-07',
      'overdue',
      '2025-07-31',
      51,
    ]);
    for (const row of table.rows) expect(row).toHaveLength(table.header.length);
  });
});

const requirement = (over: Partial<TimelineRequirement>): TimelineRequirement => ({
  requirementId: 'r',
  title: 'A requirement',
  kind: 'once',
  month: null,
  window: { from: '2025-07-01', to: '2025-08-31' },
  status: 'due',
  metBy: null,
  late: false,
  count: null,
  exceeded: false,
  minutes: null,
  targetMinutes: null,
  suggestedMonths: [],
  opensInDays: null,
  daysLeft: null,
  daysOverdue: null,
  ...over,
});

/** The next item of one provider whose timeline holds these requirements. */
const nextOf = (requirements: TimelineRequirement[]) =>
  nextItems({
    asOf: '2025-09-20T23:59:59.999Z',
    on: '2025-09-20',
    providers: [
      {
        providerId: 'p-017',
        coachId: 'c-03',
        communityId: 'kent',
        programYearId: 'py-2025',
        siteId: 'site-p-017',
        guideId: 'rir-year-1',
        setting: 'center',
        enrolledOn: '2025-07-01',
        exitedOn: null,
        requirements,
        trainings: [],
        coachingFocus: null,
      },
    ],
    communities: [],
  }).get('p-017') ?? null;

describe('the next item', () => {
  it('is overdue before due before upcoming, the longest overdue first', () => {
    const next = nextOf([
      requirement({ requirementId: 'upcoming', status: 'upcoming', opensInDays: 1 }),
      requirement({ requirementId: 'due', status: 'due', daysLeft: 0 }),
      requirement({ requirementId: 'late-5', status: 'overdue', daysOverdue: 5 }),
      requirement({ requirementId: 'late-9', status: 'overdue', daysOverdue: 9 }),
    ]);
    expect(next?.requirementId).toBe('late-9');
    expect(next?.days).toBe(9);
  });

  it('is the due one with the fewest days left, then the upcoming one opening soonest', () => {
    expect(
      nextOf([
        requirement({ requirementId: 'later', status: 'due', daysLeft: 12 }),
        requirement({ requirementId: 'sooner', status: 'due', daysLeft: 3 }),
      ])?.requirementId,
    ).toBe('sooner');
    expect(
      nextOf([
        requirement({ requirementId: 'later', status: 'upcoming', opensInDays: 30 }),
        requirement({ requirementId: 'sooner', status: 'upcoming', opensInDays: 2 }),
      ]),
    ).toEqual(expect.objectContaining({ requirementId: 'sooner', status: 'upcoming', days: 2 }));
  });

  it('is none when everything is done or does not apply', () => {
    expect(
      nextOf([requirement({ status: 'done' }), requirement({ requirementId: 'x', status: 'not-applicable' })]),
    ).toBeNull();
  });
});
