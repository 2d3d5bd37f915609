import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `GoalAchieved` event and of the `RecordGoalAchieved` command. */
export const GoalAchievedData = struct('GoalAchievedData', { providerId: Id, goalId: Id, on: LocalDate });
/** `GoalAchievedData` as decoded. */
export type GoalAchievedData = t.TypeOf<typeof GoalAchievedData>;

/**
 * The provider achieved a goal of one of their action plans. Lives in the `provider` stream named by its
 * `providerId`.
 */
export const GoalAchieved = defineEvent({
  type: 'GoalAchieved',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'The provider achieved a goal of one of their action plans.',
  data: GoalAchievedData,
});

/** Record, once, that a goal of an action plan was achieved. Accepted, it records `GoalAchieved`. */
export const RecordGoalAchieved = defineCommand({
  type: 'RecordGoalAchieved',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Record, once, that a goal of an action plan was achieved.',
  data: GoalAchievedData,
  produces: ['GoalAchieved'],
});
