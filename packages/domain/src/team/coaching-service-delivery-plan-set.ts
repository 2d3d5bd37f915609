import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Label, LocalDate, nonEmptyArray, oneOf, PositiveInteger } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** Systems coaching builds a team's capacity to run the system; instructional coaching its practice (`004`). */
export const CoachingType = oneOf('CoachingType', 'systems', 'instructional');
/** `CoachingType` as decoded. */
export type CoachingType = t.TypeOf<typeof CoachingType>;

/** The data of the `CoachingServiceDeliveryPlanSet` event and of the `SetCoachingServiceDeliveryPlan` command. */
export const CoachingServiceDeliveryPlanSetData = struct(
  'CoachingServiceDeliveryPlanSetData',
  {
    teamId: Id,
    coachId: Id,
    setOn: LocalDate,
    coachingType: CoachingType,
    minutesPerMonth: PositiveInteger,
    frequency: Label,
    focus: nonEmptyArray(Label, 'PlanFocus'),
  },
  { reviewOn: LocalDate },
);
/** `CoachingServiceDeliveryPlanSetData` as decoded. */
export type CoachingServiceDeliveryPlanSetData = t.TypeOf<typeof CoachingServiceDeliveryPlanSetData>;

/**
 * The team's individual coaching service delivery plan was set: the type of coaching, the minutes a month it is
 * owed, how often and on what (`004`); a later plan replaces it. Lives in the `team` stream named by its `teamId`.
 */
export const CoachingServiceDeliveryPlanSet = defineEvent({
  type: 'CoachingServiceDeliveryPlanSet',
  streamKind: 'team',
  streamIdField: 'teamId',
  description:
    'The team’s individual coaching service delivery plan was set: type of coaching, minutes a month, frequency and focus (`004`); a later plan replaces it.',
  data: CoachingServiceDeliveryPlanSetData,
});

/**
 * Set the team's coaching service delivery plan, replacing any earlier one; a review falls after the day it is
 * set. Accepted, it records `CoachingServiceDeliveryPlanSet`.
 */
export const SetCoachingServiceDeliveryPlan = defineCommand({
  type: 'SetCoachingServiceDeliveryPlan',
  streamKind: 'team',
  streamIdField: 'teamId',
  description:
    'Set the team’s coaching service delivery plan, replacing any earlier one; a review falls after the day it is set.',
  data: CoachingServiceDeliveryPlanSetData,
  produces: ['CoachingServiceDeliveryPlanSet'],
});
