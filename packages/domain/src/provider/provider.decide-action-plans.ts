import { accept, refuse } from '../kernel/decider';
import { ruleBroken } from '../kernel/domain-error';
import { ProviderCommandOf } from './provider.commands';
import { ProviderDecision } from './provider.rules';
import { ProviderState } from './provider.state';

export const decideSetActionPlan = (
  command: ProviderCommandOf<'SetActionPlan'>,
  state: ProviderState,
): ProviderDecision => {
  if (state.actionPlans.has(command.data.actionPlanId))
    return refuse(
      ruleBroken('action-plan-already-set', 'An action plan with this id is already set.', 'data.actionPlanId'),
    );
  // A goal is achieved once, so its id names one goal across all of the provider's plans.
  const seen = new Set<string>();
  for (const [index, { goalId }] of command.data.goals.entries()) {
    if (state.goals.has(goalId))
      return refuse(
        ruleBroken('duplicate-goal', `Goal ${goalId} was set by an earlier action plan.`, `data.goals.${index}.goalId`),
      );
    if (seen.has(goalId))
      return refuse(
        ruleBroken('duplicate-goal', `Goal ${goalId} appears twice in this action plan.`, `data.goals.${index}.goalId`),
      );
    seen.add(goalId);
  }
  return accept({ type: 'ActionPlanSet', data: command.data });
};

export const decideRecordGoalAchieved = (
  command: ProviderCommandOf<'RecordGoalAchieved'>,
  state: ProviderState,
): ProviderDecision => {
  const goal = state.goals.get(command.data.goalId);
  if (!goal)
    return refuse(ruleBroken('unknown-goal', 'No action plan of this provider sets this goal.', 'data.goalId'));
  if (goal.achieved)
    return refuse(ruleBroken('goal-already-achieved', 'This goal is already achieved.', 'data.goalId'));
  if (command.data.on < goal.setOn)
    return refuse(
      ruleBroken('goal-before-plan', `The goal was set on ${goal.setOn}; it cannot be achieved before.`, 'data.on'),
    );
  return accept({ type: 'GoalAchieved', data: command.data });
};
