import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Label, LocalDate, Sentences, Text, nonEmptyArray } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** One goal of a joint action plan: the practice it works on and what the provider aims for. */
export const ActionPlanGoal = struct('ActionPlanGoal', { goalId: Id, practice: Label, description: Text });
export type ActionPlanGoal = t.TypeOf<typeof ActionPlanGoal>;

/** The data of the `ActionPlanSet` event and of the `SetActionPlan` command. */
export const ActionPlanSetData = struct('ActionPlanSetData', {
  providerId: Id,
  actionPlanId: Id,
  goals: nonEmptyArray(ActionPlanGoal, 'ActionPlanGoals'),
  steps: Sentences,
  setOn: LocalDate,
});
/** `ActionPlanSetData` as decoded. */
export type ActionPlanSetData = t.TypeOf<typeof ActionPlanSetData>;

/**
 * Coach and provider set a joint action plan: goals on practices and the steps between sessions (rule 3). Lives in
 * the `provider` stream named by its `providerId`.
 */
export const ActionPlanSet = defineEvent({
  type: 'ActionPlanSet',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'Coach and provider set a joint action plan: goals on practices and the steps between sessions (rule 3).',
  data: ActionPlanSetData,
});

/** Set a joint action plan whose goals are new to this provider. Accepted, it records `ActionPlanSet`. */
export const SetActionPlan = defineCommand({
  type: 'SetActionPlan',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Set a joint action plan whose goals are new to this provider.',
  data: ActionPlanSetData,
  produces: ['ActionPlanSet'],
});
