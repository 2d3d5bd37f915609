import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `CoachingSystemReviewed` event and of the `ReviewCoachingSystem` command. */
export const CoachingSystemReviewedData = struct('CoachingSystemReviewedData', {
  coachId: Id,
  communityId: Id,
  reviewedOn: LocalDate,
});
/** `CoachingSystemReviewedData` as decoded. */
export type CoachingSystemReviewedData = t.TypeOf<typeof CoachingSystemReviewedData>;

/**
 * A coach reviewed a community's approved coaching system, to understand their role and the district's
 * guidelines (`004`). Lives in the `coach` stream named by its `coachId`.
 */
export const CoachingSystemReviewed = defineEvent({
  type: 'CoachingSystemReviewed',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description:
    'A coach reviewed a community’s approved coaching system, to understand their role and the district’s guidelines (`004`).',
  data: CoachingSystemReviewedData,
});

/**
 * Record that the coach reviewed a community's coaching system, once approved; once per community. Accepted, it
 * records `CoachingSystemReviewed`.
 */
export const ReviewCoachingSystem = defineCommand({
  type: 'ReviewCoachingSystem',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'Record that the coach reviewed a community’s approved coaching system; once per community.',
  data: CoachingSystemReviewedData,
  produces: ['CoachingSystemReviewed'],
});
