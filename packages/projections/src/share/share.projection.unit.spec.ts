import { RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, enrollment, historyBuilder } from '../testing';
import { sessionData } from '../testing/fixtures';
import { shareProjection } from './share.projection';
import { ShareView } from './share.view';

const share = (events: ReadonlyArray<RecordedEvent>, asOf: string, providerId?: string): ShareView =>
  viewOf<ShareView>(shareProjection, events, { asOf, ...(providerId ? { providerId } : {}) });

/** A provider's year so far: an agreement with two cycles, a plan with two goals, sessions corrected and voided, and confidential records. */
const coachingYear = () =>
  historyBuilder()
    .add('ProviderEnrolled', enrollment('p-017', '2025-09-02'), at('2025-09-02'))
    .add(
      'AgreementDrafted',
      {
        agreementId: 'ag-1',
        providerId: 'p-017',
        coachId: 'c-03',
        practices: ['schedules-routines', 'transitions'],
        visitMode: 'in-person',
        estimatedCycles: 6,
        cadence: 'every-two-weeks',
      },
      at('2025-09-03'),
    )
    .add(
      'ActionPlanSet',
      {
        providerId: 'p-017',
        actionPlanId: 'ap-1',
        goals: [
          { goalId: 'g-1', practice: 'schedules-routines', description: 'Use a visual schedule every morning.' },
          { goalId: 'g-2', practice: 'transitions', description: 'Give a two-minute warning before transitions.' },
        ],
        steps: ['Print the schedule cards.'],
        setOn: '2025-09-10',
      },
      at('2025-09-10'),
    )
    .add(
      'SessionLogged',
      {
        ...sessionData('p-017', 's-1', '2025-09-04', 45),
        summary: 'Talked about the morning meltdown of one child.',
        nextSteps: ['Try the calm-down corner.'],
      },
      at('2025-09-04'),
    )
    .add('SessionLogged', sessionData('p-017', 's-2', '2025-09-16', 60, 'consultation'), at('2025-09-16'))
    .add('SessionLogged', sessionData('p-017', 's-3', '2025-09-25', 30), at('2025-09-25'))
    .add(
      'SessionCorrected',
      {
        providerId: 'p-017',
        sessionId: 's-1',
        changes: { durationMinutes: 90, summary: 'Corrected note.' },
        reason: 'Ran long.',
      },
      at('2025-09-26'),
    )
    .add(
      'SessionCorrected',
      { providerId: 'p-017', sessionId: 's-3', changes: { heldOn: '2025-09-02' }, reason: 'Wrong day.' },
      at('2025-09-26'),
    )
    .add('SessionLogged', sessionData('p-017', 's-4', '2025-09-30', 60), at('2025-09-30'))
    .add('SessionVoided', { providerId: 'p-017', sessionId: 's-4', reason: 'Logged twice.' }, at('2025-10-01'))
    .add(
      'ObservationCompleted',
      {
        providerId: 'p-017',
        observationId: 'o-1',
        observedOn: '2025-09-20',
        scores: { keyPracticesPercent: 64.3, redFlags: 2 },
      },
      at('2025-09-21'),
    )
    .add('GoalAchieved', { providerId: 'p-017', goalId: 'g-2', on: '2025-10-15' }, at('2025-10-15'))
    .add(
      'CoachingCycleCompleted',
      { agreementId: 'ag-1', cycleNumber: 1, completedOn: '2025-09-20', sessionIds: ['s-1'] },
      at('2025-09-20'),
    )
    .add(
      'CoachingCycleCompleted',
      { agreementId: 'ag-1', cycleNumber: 2, completedOn: '2025-10-04', sessionIds: ['s-3'] },
      at('2025-10-04'),
    );

describe('the share view', () => {
  it('shares practice lists, goals, session dates and durations as corrected, and the number of completed cycles', () => {
    expect(share(coachingYear().events(), at('2025-10-20'))).toEqual({
      asOf: '2025-10-20T12:00:00.000Z',
      providers: [
        {
          providerId: 'p-017',
          practiceLists: [{ agreementId: 'ag-1', practices: ['schedules-routines', 'transitions'] }],
          goals: [
            {
              goalId: 'g-1',
              practice: 'schedules-routines',
              description: 'Use a visual schedule every morning.',
              achieved: false,
            },
            {
              goalId: 'g-2',
              practice: 'transitions',
              description: 'Give a two-minute warning before transitions.',
              achieved: true,
            },
          ],
          sessions: [
            { heldOn: '2025-09-02', durationMinutes: 30 },
            { heldOn: '2025-09-04', durationMinutes: 90 },
            { heldOn: '2025-09-16', durationMinutes: 60 },
          ],
          completedCycles: 2,
        },
      ],
    });
  });

  it('shares what was known at the as-of moment: a session until voided, a goal once achieved, cycles as recorded', () => {
    const before = share(coachingYear().events(), at('2025-09-30')).providers[0]!;
    expect(before.sessions).toContainEqual({ heldOn: '2025-09-30', durationMinutes: 60 });
    expect(before.goals.map((g) => g.achieved)).toEqual([false, false]);
    expect(before.completedCycles).toBe(1);
  });

  it('lists only enrolled providers, and one provider when asked', () => {
    const history = coachingYear()
      .add('SessionLogged', sessionData('p-404', 's-9', '2025-09-04', 45), at('2025-09-04'))
      .add('ProviderEnrolled', enrollment('p-002', '2025-09-01'), at('2025-09-01'))
      .events();
    expect(share(history, at('2025-10-20')).providers.map((p) => p.providerId)).toEqual(['p-002', 'p-017']);
    expect(share(history, at('2025-10-20'), 'p-002').providers).toEqual([
      { providerId: 'p-002', practiceLists: [], goals: [], sessions: [], completedCycles: 0 },
    ]);
  });

  it('keeps out what no rule allows, even when an event carries it', () => {
    const text = JSON.stringify(share(coachingYear().events(), at('2025-10-20')));
    for (const secret of [
      'meltdown',
      'calm-down',
      'Corrected note',
      'Ran long',
      'modeling',
      'keyPracticesPercent',
      'Print the schedule',
      'Provider p-017',
      'Maple Street',
      'c-03',
      'consultation',
    ])
      expect(text).not.toContain(secret);
  });

  it('produces a view its codec accepts, with a row per practice list, goal and session and one for cycles', () => {
    const view = share(coachingYear().events(), at('2025-10-20'));
    expect(shareProjection.viewCodec.is(view)).toBe(true);
    const table = shareProjection.table(view);
    expect(table.rows.map((row) => row[1])).toEqual([
      'practice-list',
      'goal',
      'goal',
      'session',
      'session',
      'session',
      'cycles',
    ]);
    expect(table.rows.at(-1)).toEqual(['p-017', 'cycles', null, null, null, null, null, null, 2]);
    expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
  });
});
