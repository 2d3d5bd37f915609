import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, IntegerBetween, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** How well the coachee found their coaching supported their practice: 1 (not at all) to 5 (very well). */
export const CoachingRating = IntegerBetween(1, 5, 'CoachingRating');

/** The data of the `CoachingFeedbackGiven` event and of the `GiveCoachingFeedback` command. */
export const CoachingFeedbackGivenData = struct('CoachingFeedbackGivenData', {
  providerId: Id,
  surveyId: Id,
  coachId: Id,
  completedOn: LocalDate,
  rating: CoachingRating,
});
/** `CoachingFeedbackGivenData` as decoded. */
export type CoachingFeedbackGivenData = t.TypeOf<typeof CoachingFeedbackGivenData>;

/**
 * The coachee answered the survey about their coaching experience, which informs their coach's
 * continuous quality improvement; its rating is the coaching-quality measure shown per coach. Lives
 * in the `provider` stream named by its `providerId`.
 */
export const CoachingFeedbackGiven = defineEvent({
  type: 'CoachingFeedbackGiven',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'The coachee answered the survey about their coaching experience, rating how well coaching supported their practice.',
  data: CoachingFeedbackGivenData,
});

/**
 * Record the coachee's survey about a coach who coaches or coached them. Accepted, it records
 * `CoachingFeedbackGiven`.
 */
export const GiveCoachingFeedback = defineCommand({
  type: 'GiveCoachingFeedback',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Record the coachee’s survey about a coach who coaches or coached them.',
  data: CoachingFeedbackGivenData,
  produces: ['CoachingFeedbackGiven'],
});
