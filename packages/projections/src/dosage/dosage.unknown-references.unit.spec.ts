import { viewOf } from '../fold';
import { at, historyBuilder } from '../testing';
import { sessionData } from '../testing/fixtures';
import { dosageProjection } from './dosage.projection';
import { DosageView } from './dosage.view';

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

/** Kent's program year under the guide named, its coach, and p-017 enrolled in September. */
const program = (guideId = 'rir-year-1') =>
  historyBuilder()
    .add('CommunityRegistered', { communityId: 'kent', name: 'Kent County', kind: 'county' }, at('2025-06-20'))
    .add(
      'ProgramYearStarted',
      { communityId: 'kent', programYearId: 'py-2025', guideId, startsOn: '2025-07-01', endsOn: '2026-06-30' },
      at('2025-06-20'),
    )
    .add(
      'CoachRegistered',
      { coachId: 'c-03', communityId: 'kent', name: 'Dana Ruiz', role: 'coach' },
      at('2025-06-21'),
    )
    .add('ProviderEnrolled', enrolled('p-017', 'py-2025', '2025-09-02'), at('2025-09-02'));

const dosage = (events: ReturnType<ReturnType<typeof program>['events']>, asOf: string): DosageView =>
  viewOf<DosageView>(dosageProjection, events, { asOf });

describe('the dosage view given events about what it does not know', () => {
  it('takes sessions, a reassignment and an exit of a provider never enrolled for nothing', () => {
    const known = program().add('SessionLogged', sessionData('p-017', 's-1', '2025-09-10', 90), at('2025-09-10'));
    const withStrays = program()
      .add('SessionLogged', sessionData('p-999', 's-1', '2025-09-09', 200), at('2025-09-09'))
      .add(
        'SessionCorrected',
        { providerId: 'p-999', sessionId: 's-1', changes: { durationMinutes: 20 }, reason: 'Ended early.' },
        at('2025-09-09'),
      )
      .add('SessionVoided', { providerId: 'p-999', sessionId: 's-1', reason: 'Logged twice.' }, at('2025-09-09'))
      .add(
        'ProviderReassigned',
        { providerId: 'p-999', fromCoachId: 'c-03', toCoachId: 'c-04', on: '2025-09-09' },
        at('2025-09-09'),
      )
      .add('ProviderExited', { providerId: 'p-999', on: '2025-09-09', reason: 'moved' }, at('2025-09-09'))
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-10', 90), at('2025-09-10'));
    const view = dosage(withStrays.events(), at('2025-09-20'));
    expect(view).toEqual(dosage(known.events(), at('2025-09-20')));
    expect(view.providers.map((p) => p.providerId)).toEqual(['p-017']);
  });

  it('reports against a guide it does not know as one without a target that counts no kind', () => {
    const history = program('county-pilot')
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-10', 90), at('2025-09-10'))
      .events();
    const [p017] = dosage(history, at('2025-10-05')).providers;
    expect(p017).toEqual({
      providerId: 'p-017',
      coachId: 'c-03',
      targetMinutes: null,
      months: [
        { month: '2025-09', minutes: 0, status: 'none' },
        { month: '2025-10', minutes: 0, status: 'none' },
      ],
      yearToDateMinutes: 0,
    });
  });

  it('keeps a provider enrolled from next month, recorded the day before, on the caseload but under no target yet', () => {
    const history = program()
      .add('ProviderEnrolled', enrolled('p-018', 'py-2025', '2025-10-01'), at('2025-09-30'))
      .events();
    const view = dosage(history, at('2025-09-30', '18:00:00.000'));
    expect(view.providers.find((p) => p.providerId === 'p-018')?.months).toEqual([]);
    expect(view.coaches).toEqual([{ coachId: 'c-03', caseload: 2, underTargetThisMonth: ['p-017'] }]);
  });
});
