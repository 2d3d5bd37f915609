import { viewOf } from '../fold';
import { at, historyBuilder } from '../testing';
import { sessionData } from '../testing/fixtures';
import { dosageProjection } from './dosage.projection';
import { DosageView } from './dosage.view';

const session = sessionData;

const enrolled = (providerId: string, programYearId: string, enrolledOn: string) => ({
  providerId,
  communityId: 'kent',
  programYearId,
  name: `Provider ${providerId}`,
  site: { siteId: 'site-4', name: 'Maple Street Center', setting: 'center' as const },
  agesServed: ['preschool' as const],
  coachId: 'c-03',
  enrolledOn,
});

const community = () =>
  historyBuilder()
    .add('CommunityRegistered', { communityId: 'kent', name: 'Kent County', kind: 'county' }, at('2025-06-20'))
    .add(
      'CoachRegistered',
      { coachId: 'c-03', communityId: 'kent', name: 'Dana Ruiz', role: 'coach' },
      at('2025-06-21'),
    );

const dosage = (events: ReturnType<ReturnType<typeof community>['events']>, asOf: string): DosageView =>
  viewOf<DosageView>(dosageProjection, events, { asOf });

describe('the dosage view across program years and guides', () => {
  /** A RiR year as usual, then a calendar-year STARS program: a guide that counts sessions but sets no monthly target. */
  const twoYears = () =>
    community()
      .add(
        'ProgramYearStarted',
        {
          communityId: 'kent',
          programYearId: 'py-2025',
          guideId: 'rir-year-1',
          startsOn: '2025-07-01',
          endsOn: '2026-06-30',
        },
        at('2025-06-22'),
      )
      .add('ProviderEnrolled', enrolled('p-017', 'py-2025', '2025-09-02'), at('2025-09-02'))
      .add(
        'ProgramYearStarted',
        {
          communityId: 'kent',
          programYearId: 'stars-2026',
          guideId: 'stars-pbc',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
        },
        at('2025-12-15'),
      )
      .add('ProviderEnrolled', enrolled('p-100', 'stars-2026', '2026-03-10'), at('2026-03-10'))
      .add('SessionLogged', session('p-100', 's-1', '2026-03-12', 30), at('2026-03-12'))
      .add('SessionLogged', session('p-100', 's-2', '2026-04-02', 45, 'consultation'), at('2026-04-02'))
      .add('SessionLogged', session('p-017', 's-1', '2026-03-12', 30), at('2026-03-12'))
      .add('SessionLogged', session('p-100', 's-3', '2026-12-01', 20, 'debrief'), at('2026-12-01'))
      .events();

  it('reports each provider against the guide and the end of their own program year', () => {
    const view = dosage(twoYears(), at('2027-02-01'));
    expect(view.guideId).toBe('stars-pbc');
    const [rir, stars] = view.providers;
    expect(rir).toMatchObject({ providerId: 'p-017', targetMinutes: 150, yearToDateMinutes: 30 });
    expect(rir!.months.map((m) => m.month)).toEqual([
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(rir!.months.find((m) => m.month === '2026-03')).toEqual({
      month: '2026-03',
      minutes: 30,
      status: 'partial',
    });
    expect(stars).toMatchObject({ providerId: 'p-100', targetMinutes: null, yearToDateMinutes: 50 });
    expect(stars!.months.map((m) => m.month)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });

  it('calls any minutes met under a guide without a target, and no minutes none', () => {
    const stars = dosage(twoYears(), at('2027-02-01')).providers[1]!;
    expect(stars.months.slice(0, 3)).toEqual([
      { month: '2026-03', minutes: 30, status: 'met' },
      { month: '2026-04', minutes: 0, status: 'none' },
      { month: '2026-05', minutes: 0, status: 'none' },
    ]);
    expect(stars.months.at(-1)).toEqual({ month: '2026-12', minutes: 20, status: 'met' });
  });

  it('takes "this month" as each provider’s own, capped to the end of their year', () => {
    expect(dosage(twoYears(), at('2027-02-01')).coaches).toEqual([
      { coachId: 'c-03', caseload: 2, underTargetThisMonth: ['p-017'] },
    ]);
    expect(dosage(twoYears(), at('2026-05-20')).coaches).toEqual([
      { coachId: 'c-03', caseload: 2, underTargetThisMonth: ['p-017', 'p-100'] },
    ]);
  });

  describe('without a program year the view knows', () => {
    const unknownYear = (enrolledOn: string) =>
      community()
        .add('ProviderEnrolled', enrolled('p-017', 'py-unknown', enrolledOn), at(enrolledOn))
        .add('SessionLogged', session('p-017', 's-1', enrolledOn, 60), at(enrolledOn))
        .events();

    it('reports against the RiR guide, a provider enrolled in July running to the next June 30', () => {
      const view = dosage(unknownYear('2025-07-01'), at('2026-09-01'));
      expect(view.guideId).toBe('rir-year-1');
      expect(view.providers[0]!.targetMinutes).toBe(150);
      expect(view.providers[0]!.months.map((m) => m.month)).toEqual([
        '2025-07',
        '2025-08',
        '2025-09',
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
      ]);
    });

    it('ends the year of a provider enrolled on June 30 that same day', () => {
      const view = dosage(unknownYear('2025-06-30'), at('2026-09-01'));
      expect(view.providers[0]!.months).toEqual([{ month: '2025-06', minutes: 60, status: 'partial' }]);
      expect(view.coaches[0]!.underTargetThisMonth).toEqual(['p-017']);
    });
  });
});

describe('the dosage view of a provider who exits after their program year ended', () => {
  it('lists months only to the end of the year, not to the exit', () => {
    const history = community()
      .add(
        'ProgramYearStarted',
        {
          communityId: 'kent',
          programYearId: 'py-2025',
          guideId: 'rir-year-1',
          startsOn: '2025-07-01',
          endsOn: '2026-06-30',
        },
        at('2025-06-22'),
      )
      .add('ProviderEnrolled', enrolled('p-017', 'py-2025', '2026-04-02'), at('2026-04-02'))
      .add('ProviderExited', { providerId: 'p-017', on: '2026-08-14', reason: 'moved' }, at('2026-08-14'))
      .events();
    expect(dosage(history, at('2026-09-01')).providers[0]!.months.map((m) => m.month)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
  });
});
