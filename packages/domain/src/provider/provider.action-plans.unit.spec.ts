import { command, deciderSpec } from '../testing';
import { ProviderCommand } from './provider.commands';
import { providerDecider } from './provider.decider';
import { ProviderEvent } from './provider.events';
import { actionPlanSet, enrolled, providerId } from './provider.fixtures';

const spec = deciderSpec(providerDecider);

const goal = (goalId: string) => ({
  goalId,
  practice: 'problem-solving',
  description: 'Practice solution cards at group time.',
});

describe('provider decider: action plans and goals', () => {
  describe('SetActionPlan', () => {
    const set = command<ProviderCommand>('SetActionPlan', actionPlanSet.data);
    it('sets a joint action plan', () => spec.given([enrolled]).when(set).then([actionPlanSet]));
    it('sets a later plan with new goals', () => {
      const next = { ...actionPlanSet.data, actionPlanId: 'plan-2', goals: [goal('g-3')], setOn: '2025-09-15' };
      spec
        .given([enrolled, actionPlanSet])
        .when(command<ProviderCommand>('SetActionPlan', next))
        .then([{ type: 'ActionPlanSet', data: next }]);
    });
    it('refuses a plan id already set', () =>
      spec.given([enrolled, actionPlanSet]).when(set).thenFails('action-plan-already-set', ['data.actionPlanId']));
    it('refuses a goal id repeated within the plan, naming the repeat', () =>
      spec
        .given([enrolled])
        .when(
          command<ProviderCommand>('SetActionPlan', {
            ...actionPlanSet.data,
            goals: [goal('g-1'), goal('g-2'), goal('g-1')],
          }),
        )
        .thenFails('duplicate-goal', ['data.goals.2.goalId']));
    it('refuses a goal id an earlier plan set', () =>
      spec
        .given([enrolled, actionPlanSet])
        .when(
          command<ProviderCommand>('SetActionPlan', {
            ...actionPlanSet.data,
            actionPlanId: 'plan-2',
            goals: [goal('g-3'), goal('g-2')],
          }),
        )
        .thenFails('duplicate-goal', ['data.goals.1.goalId']));
  });

  describe('RecordGoalAchieved', () => {
    const achieved: ProviderEvent = { type: 'GoalAchieved', data: { providerId, goalId: 'g-1', on: '2025-09-12' } };
    const record = command<ProviderCommand>('RecordGoalAchieved', achieved.data);
    it('records a goal of a plan achieved', () => spec.given([enrolled, actionPlanSet]).when(record).then([achieved]));
    it('accepts a goal achieved on the day its plan was set', () => {
      const sameDay = { providerId, goalId: 'g-2', on: '2025-08-28' };
      spec
        .given([enrolled, actionPlanSet])
        .when(command<ProviderCommand>('RecordGoalAchieved', sameDay))
        .then([{ type: 'GoalAchieved', data: sameDay }]);
    });
    it('refuses a goal no plan set', () =>
      spec
        .given([enrolled, actionPlanSet])
        .when(command<ProviderCommand>('RecordGoalAchieved', { ...achieved.data, goalId: 'g-9' }))
        .thenFails('unknown-goal', ['data.goalId']));
    it('refuses a goal already achieved', () =>
      spec.given([enrolled, actionPlanSet, achieved]).when(record).thenFails('goal-already-achieved', ['data.goalId']));
    it('refuses a goal achieved before its plan was set', () =>
      spec
        .given([enrolled, actionPlanSet])
        .when(command<ProviderCommand>('RecordGoalAchieved', { ...achieved.data, on: '2025-08-27' }))
        .thenFails('goal-before-plan', ['data.on']));
  });
});
