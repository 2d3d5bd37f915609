import type { RecordedEvent } from '@coachline/domain';
import { coachingLogOf, debriefsOf, plansOf } from './provider-record';
import { coachingLogTable } from './provider-record-tables';

const event = (type: string, data: object) => ({ type, data }) as unknown as RecordedEvent;

describe('a provider’s own record', () => {
  const history = [
    event('ObservationCompleted', {
      providerId: 'p-1',
      observationId: 'o-1',
      observedOn: '2025-09-15',
      scores: { redFlags: 2 },
    }),
    event('DebriefHeld', {
      providerId: 'p-1',
      observationId: 'o-1',
      heldOn: '2025-09-18',
      strengths: ['Warm.'],
      nextSteps: ['Schedule.'],
    }),
    event('ActionPlanSet', {
      providerId: 'p-1',
      actionPlanId: 'ap-1',
      goals: [
        { goalId: 'g-1', practice: 'routines', description: 'Daily schedule.' },
        { goalId: 'g-2', practice: 'feelings', description: 'Name feelings.' },
      ],
      steps: ['Print cards.'],
      setOn: '2025-09-22',
    }),
    event('GoalAchieved', { providerId: 'p-1', goalId: 'g-2', on: '2025-11-03' }),
  ];

  it('holds the debriefs’ strengths and next steps, and never a score', () => {
    expect(debriefsOf(history)).toEqual([
      { observationId: 'o-1', heldOn: '2025-09-18', strengths: ['Warm.'], nextSteps: ['Schedule.'] },
    ]);
    expect(JSON.stringify(debriefsOf(history))).not.toContain('redFlags');
  });

  it('holds the action plans with the day each goal was achieved', () => {
    expect(plansOf(history)[0]?.goals.map((g) => [g.goalId, g.achievedOn])).toEqual([
      ['g-1', null],
      ['g-2', '2025-11-03'],
    ]);
  });
});

describe('a provider’s coaching log', () => {
  const session = (sessionId: string, heldOn: string, extra: object = {}) =>
    event('SessionLogged', {
      providerId: 'p-1',
      sessionId,
      coachId: 'c-1',
      heldOn,
      durationMinutes: 60,
      kind: 'coaching-conversation',
      mode: 'hybrid',
      agendaUsed: true,
      practices: ['routines'],
      strategies: ['modeling'],
      ...extra,
    });
  const history = [
    session('s-2', '2025-09-25', { summary: 'Practised the visual schedule.', nextSteps: ['Add pictures.'] }),
    session('s-1', '2025-09-16'),
    session('s-3', '2025-10-07'),
    event('ObservationCompleted', { providerId: 'p-1', observationId: 'o-1', scores: { redFlags: 2 } }),
    event('SessionCorrected', {
      providerId: 'p-1',
      sessionId: 's-1',
      changes: { durationMinutes: 90, summary: 'Set goals together.' },
      reason: 'Longer.',
    }),
    event('SessionVoided', { providerId: 'p-1', sessionId: 's-3', reason: 'Logged twice.' }),
    event('FeedbackSent', { providerId: 'p-1', sessionId: 's-2', sentOn: '2025-09-29' }),
    event('FeedbackSent', { providerId: 'p-1', sessionId: 's-2', sentOn: '2025-09-26' }),
  ];

  it('holds each standing session as corrected, in the order held, with its summary, next steps, strategies and feedback', () =>
    expect(coachingLogOf(history)).toEqual([
      {
        sessionId: 's-1',
        heldOn: '2025-09-16',
        durationMinutes: 90,
        kind: 'coaching-conversation',
        mode: 'hybrid',
        practices: ['routines'],
        strategies: ['modeling'],
        summary: 'Set goals together.',
        nextSteps: [],
        feedbackSentOn: [],
      },
      {
        sessionId: 's-2',
        heldOn: '2025-09-25',
        durationMinutes: 60,
        kind: 'coaching-conversation',
        mode: 'hybrid',
        practices: ['routines'],
        strategies: ['modeling'],
        summary: 'Practised the visual schedule.',
        nextSteps: ['Add pictures.'],
        feedbackSentOn: ['2025-09-26', '2025-09-29'],
      },
    ]));

  it('never holds a score, nor a field it does not name', () => {
    expect(JSON.stringify(coachingLogOf(history))).not.toContain('redFlags');
    const extra = [session('s-9', '2025-11-01', { scores: { keyPracticesPercent: 80 } })];
    expect(Object.keys(coachingLogOf(extra)[0]!)).not.toContain('scores');
  });

  it('gives one row per session in CSV, next steps a line each and feedback days joined', () => {
    const table = coachingLogTable({ sessions: coachingLogOf(history) });
    expect(table.header).toHaveLength(table.rows[0]!.length);
    expect(table.rows[1]).toEqual([
      's-2',
      '2025-09-25',
      60,
      'coaching-conversation',
      'hybrid',
      'routines',
      'modeling',
      'Practised the visual schedule.',
      'Add pictures.',
      '2025-09-26;2025-09-29',
    ]);
  });
});
