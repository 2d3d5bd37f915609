import { viewOf } from '../fold';
import { SessionKind } from '@coachline/domain';
import { at, historyBuilder } from '../testing';
import { sessionData } from '../testing/fixtures';
import { dosageProjection } from './dosage.projection';
import { DosageView } from './dosage.view';

const session = (
  providerId: string,
  sessionId: string,
  heldOn: string,
  durationMinutes: number,
  kind: SessionKind = 'coaching-conversation',
  groupSessionId?: string,
) => ({
  ...sessionData(providerId, sessionId, heldOn, durationMinutes, kind),
  ...(groupSessionId ? { groupSessionId } : {}),
});

const enrolled = (providerId: string, enrolledOn: string, coachId = 'c-03') => ({
  providerId,
  communityId: 'kent',
  programYearId: 'py-2025',
  name: `Provider ${providerId}`,
  site: { siteId: 'site-4', name: 'Maple Street Center', setting: 'center' as const },
  agesServed: ['preschool' as const],
  coachId,
  enrolledOn,
});

/** The program year, its coach, and p-017 enrolled in September: the dosage view's worked example. */
const program = () =>
  historyBuilder()
    .add('CommunityRegistered', { communityId: 'kent', name: 'Kent County', kind: 'county' }, at('2025-06-20'))
    .add(
      'ProgramYearStarted',
      {
        communityId: 'kent',
        programYearId: 'py-2025',
        guideId: 'rir-year-1',
        startsOn: '2025-07-01',
        endsOn: '2026-06-30',
      },
      at('2025-06-20'),
    )
    .add(
      'CoachRegistered',
      { coachId: 'c-03', communityId: 'kent', name: 'Dana Ruiz', role: 'coach' },
      at('2025-06-21'),
    )
    .add('ProviderEnrolled', enrolled('p-017', '2025-09-02'), at('2025-09-02'));

const dosage = (
  events: ReturnType<ReturnType<typeof program>['events']>,
  asOf?: string,
  providerId?: string,
): DosageView =>
  viewOf<DosageView>(dosageProjection, events, { ...(asOf ? { asOf } : {}), ...(providerId ? { providerId } : {}) });

describe('the dosage view', () => {
  it('gives the worked example to the letter', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2025-09-04', 60), at('2025-09-04'))
      .add('SessionLogged', session('p-017', 's-2', '2025-09-16', 45), at('2025-09-16'))
      .add('SessionLogged', session('p-017', 's-3', '2025-09-25', 60, 'observation'), at('2025-09-25'))
      .add('SessionLogged', session('p-017', 's-4', '2025-10-09', 90, 'debrief'), at('2025-10-09'))
      .events();
    expect(dosage(history, '2025-11-15T12:00:00Z')).toEqual({
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

  it('takes the latest recordedAt as the as-of moment when none is given, never the clock', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2025-09-04', 60), '2025-10-03T08:15:00Z')
      .events();
    const view = dosage(history);
    expect(view.asOf).toBe('2025-10-03T08:15:00.000Z');
    expect(view.providers[0]!.months.map((m) => m.month)).toEqual(['2025-09', '2025-10']);
  });

  it('counts a late entry for its month only from the moment it was recorded', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2025-09-30', 150), at('2025-10-20'))
      .events();
    expect(dosage(history, at('2025-10-19')).providers[0]!.months[0]).toEqual({
      month: '2025-09',
      minutes: 0,
      status: 'none',
    });
    expect(dosage(history, at('2025-10-20')).providers[0]!.months[0]).toEqual({
      month: '2025-09',
      minutes: 150,
      status: 'met',
    });
  });

  it('counts coaching conversations, observations and debriefs, never consultation or other', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2025-09-04', 30, 'coaching-conversation'), at('2025-09-04'))
      .add('SessionLogged', session('p-017', 's-2', '2025-09-05', 30, 'observation'), at('2025-09-05'))
      .add('SessionLogged', session('p-017', 's-3', '2025-09-06', 30, 'debrief'), at('2025-09-06'))
      .add('SessionLogged', session('p-017', 's-4', '2025-09-07', 200, 'consultation'), at('2025-09-07'))
      .add('SessionLogged', session('p-017', 's-5', '2025-09-08', 200, 'other'), at('2025-09-08'))
      .events();
    expect(dosage(history, at('2025-09-30')).providers[0]!.months).toEqual([
      { month: '2025-09', minutes: 90, status: 'partial' },
    ]);
  });

  it('applies corrections in order: duration, a move to another month, a change of kind', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2025-09-04', 45), at('2025-09-04'))
      .add('SessionLogged', session('p-017', 's-2', '2025-09-10', 60), at('2025-09-10'))
      .add(
        'SessionCorrected',
        { providerId: 'p-017', sessionId: 's-1', changes: { durationMinutes: 90 }, reason: 'Ran long.' },
        at('2025-09-11'),
      )
      .add(
        'SessionCorrected',
        { providerId: 'p-017', sessionId: 's-1', changes: { durationMinutes: 100 }, reason: 'Checked the agenda.' },
        at('2025-09-12'),
      )
      .add(
        'SessionCorrected',
        { providerId: 'p-017', sessionId: 's-2', changes: { heldOn: '2025-10-01' }, reason: 'Wrong day.' },
        at('2025-10-02'),
      )
      .events();
    expect(dosage(history, at('2025-10-02')).providers[0]!.months).toEqual([
      { month: '2025-09', minutes: 100, status: 'partial' },
      { month: '2025-10', minutes: 60, status: 'partial' },
    ]);
    const consultation = [
      ...history,
      ...historyBuilder()
        .add(
          'SessionCorrected',
          { providerId: 'p-017', sessionId: 's-1', changes: { kind: 'consultation' }, reason: 'It was by phone.' },
          at('2025-10-03'),
        )
        .events()
        .map((e) => ({ ...e, position: 100 })),
    ];
    expect(dosage(consultation, at('2025-10-03')).providers[0]!.months[0]).toEqual({
      month: '2025-09',
      minutes: 0,
      status: 'none',
    });
  });

  it('counts a voided session for nothing, and a correction after the void does not revive it', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2025-09-04', 150), at('2025-09-04'))
      .add(
        'SessionVoided',
        { providerId: 'p-017', sessionId: 's-1', reason: 'Logged for the wrong provider.' },
        at('2025-09-05'),
      )
      .add(
        'SessionCorrected',
        { providerId: 'p-017', sessionId: 's-1', changes: { durationMinutes: 60 }, reason: 'x' },
        at('2025-09-06'),
      )
      .events();
    expect(dosage(history, '2025-09-04T23:00:00.000Z').providers[0]!.months[0]!.minutes).toBe(150);
    expect(dosage(history, at('2025-09-30')).providers[0]!.months[0]).toEqual({
      month: '2025-09',
      minutes: 0,
      status: 'none',
    });
  });

  it('credits every provider of a group session the full duration', () => {
    const history = program()
      .add('ProviderEnrolled', enrolled('p-018', '2025-09-01'), at('2025-09-01'))
      .add(
        'SessionLogged',
        session('p-017', 's-1', '2025-09-12', 120, 'coaching-conversation', 'g-1'),
        at('2025-09-12'),
      )
      .add(
        'SessionLogged',
        session('p-018', 's-2', '2025-09-12', 120, 'coaching-conversation', 'g-1'),
        at('2025-09-12'),
      )
      .events();
    expect(dosage(history, at('2025-09-30')).providers.map((p) => [p.providerId, p.yearToDateMinutes])).toEqual([
      ['p-017', 120],
      ['p-018', 120],
    ]);
  });

  it('lists months from enrollment to exit, and keeps an exited provider listed', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2025-10-04', 150), at('2025-10-04'))
      .add('ProviderExited', { providerId: 'p-017', on: '2025-11-10', reason: 'Moved away.' }, at('2025-11-10'))
      .events();
    const view = dosage(history, at('2026-02-01'));
    expect(view.providers[0]!.months.map((m) => m.month)).toEqual(['2025-09', '2025-10', '2025-11']);
    expect(view.providers[0]!.yearToDateMinutes).toBe(150);
    expect(view.coaches).toEqual([{ coachId: 'c-03', caseload: 0, underTargetThisMonth: [] }]);
  });

  it('lists months only to the end of the program year, and "this month" is capped to it', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2026-06-03', 150), at('2026-06-03'))
      .add('SessionLogged', session('p-017', 's-2', '2026-07-02', 90), at('2026-07-02'))
      .events();
    const view = dosage(history, at('2026-08-15'));
    expect(view.providers[0]!.months.at(-1)).toEqual({ month: '2026-06', minutes: 150, status: 'met' });
    expect(view.providers[0]!.months).toHaveLength(10);
    expect(view.providers[0]!.yearToDateMinutes).toBe(150);
    expect(view.coaches[0]!.underTargetThisMonth).toEqual([]);
  });

  it('caps "this month" to the end of the program year, where the last month fell short', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2026-06-03', 100), at('2026-06-03'))
      .events();
    const view = dosage(history, at('2026-08-15'));
    expect(view.providers[0]!.months.at(-1)).toEqual({ month: '2026-06', minutes: 100, status: 'partial' });
    expect(view.coaches).toEqual([{ coachId: 'c-03', caseload: 1, underTargetThisMonth: ['p-017'] }]);
  });

  it('counts a session id once: a repeated log neither doubles it nor moves it', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2025-09-04', 60), at('2025-09-04'))
      .add('SessionLogged', session('p-017', 's-1', '2025-10-02', 150, 'observation'), at('2025-10-02'))
      .add('SessionLogged', session('p-017', 's-1', '2025-09-05', 90), at('2025-10-03'))
      .events();
    const view = dosage(history, at('2025-10-31'));
    expect(view.providers[0]!.months).toEqual([
      { month: '2025-09', minutes: 60, status: 'partial' },
      { month: '2025-10', minutes: 0, status: 'none' },
    ]);
    expect(view.providers[0]!.yearToDateMinutes).toBe(60);
  });

  it('keeps the sessions already logged when a history enrolls a provider again', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2025-09-04', 60), at('2025-09-04'))
      .add('ProviderEnrolled', enrolled('p-017', '2025-09-20', 'c-07'), at('2025-09-20'))
      .events();
    expect(dosage(history, at('2025-09-30')).providers).toEqual([
      {
        providerId: 'p-017',
        coachId: 'c-07',
        targetMinutes: 150,
        months: [{ month: '2025-09', minutes: 60, status: 'partial' }],
        yearToDateMinutes: 60,
      },
    ]);
  });

  it('lists a month once its first day has begun in UTC', () => {
    const history = program().events();
    expect(dosage(history, '2025-09-30T23:59:59.999Z').providers[0]!.months.map((m) => m.month)).toEqual(['2025-09']);
    expect(dosage(history, '2025-10-01T00:00:00.000Z').providers[0]!.months.map((m) => m.month)).toEqual([
      '2025-09',
      '2025-10',
    ]);
  });

  it('shows no provider before their enrollment is recorded', () => {
    expect(dosage(program().events(), at('2025-09-01')).providers).toEqual([]);
  });

  it('follows a reassignment as known at the as-of moment, for the provider and both coaches', () => {
    const history = program()
      .add(
        'CoachRegistered',
        { coachId: 'c-07', communityId: 'kent', name: 'Lee Park', role: 'coach' },
        at('2025-06-21'),
      )
      .add(
        'ProviderReassigned',
        { providerId: 'p-017', fromCoachId: 'c-03', toCoachId: 'c-07', on: '2025-10-01' },
        at('2025-10-01'),
      )
      .events();
    const before = dosage(history, at('2025-09-30'));
    expect(before.providers[0]!.coachId).toBe('c-03');
    expect(before.coaches).toEqual([
      { coachId: 'c-03', caseload: 1, underTargetThisMonth: ['p-017'] },
      { coachId: 'c-07', caseload: 0, underTargetThisMonth: [] },
    ]);
    const after = dosage(history, at('2025-10-02'));
    expect(after.providers[0]!.coachId).toBe('c-07');
    expect(after.coaches.map((c) => [c.coachId, c.caseload])).toEqual([
      ['c-03', 0],
      ['c-07', 1],
    ]);
  });

  it('sorts providers and coaches by id and lists only providers under target this month', () => {
    const history = program()
      .add(
        'CoachRegistered',
        { coachId: 'c-01', communityId: 'kent', name: 'Ari Stone', role: 'coach' },
        at('2025-06-21'),
      )
      .add('ProviderEnrolled', enrolled('p-002', '2025-09-01'), at('2025-09-01'))
      .add('ProviderEnrolled', enrolled('p-100', '2025-09-01'), at('2025-09-01'))
      .add('SessionLogged', session('p-100', 's-1', '2025-09-03', 150), at('2025-09-03'))
      .events();
    const view = dosage(history, at('2025-09-20'));
    expect(view.providers.map((p) => p.providerId)).toEqual(['p-002', 'p-017', 'p-100']);
    expect(view.coaches).toEqual([
      { coachId: 'c-01', caseload: 0, underTargetThisMonth: [] },
      { coachId: 'c-03', caseload: 3, underTargetThisMonth: ['p-002', 'p-017'] },
    ]);
  });

  it('narrows the providers to one when asked', () => {
    const history = program().add('ProviderEnrolled', enrolled('p-002', '2025-09-01'), at('2025-09-01')).events();
    expect(dosage(history, at('2025-09-20'), 'p-017').providers.map((p) => p.providerId)).toEqual(['p-017']);
  });

  it('flattens to one row per provider and month under a fixed header', () => {
    const history = program()
      .add('SessionLogged', session('p-017', 's-1', '2025-09-04', 150), at('2025-09-04'))
      .events();
    expect(dosageProjection.table(dosage(history, at('2025-10-02')))).toEqual({
      header: ['providerId', 'coachId', 'month', 'minutes', 'targetMinutes', 'status', 'yearToDateMinutes'],
      rows: [
        ['p-017', 'c-03', '2025-09', 150, 150, 'met', 150],
        ['p-017', 'c-03', '2025-10', 0, 150, 'none', 150],
      ],
    });
  });

  it('produces a view its codec accepts', () => {
    const view = dosage(program().events(), at('2025-12-01'));
    expect(dosageProjection.viewCodec.is(view)).toBe(true);
  });
});
