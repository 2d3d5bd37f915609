import type { RecordedEvent } from '@coachline/domain';
import { debriefsOf, plansOf } from './provider-record';

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
