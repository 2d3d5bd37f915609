import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, IntegerBetween, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** One answer of the training feedback survey, from 1 (strongly disagree) to 5 (strongly agree). */
export const FeedbackRating = IntegerBetween(1, 5, 'FeedbackRating');

/** The data of the `TrainingFeedbackGiven` event and of the `GiveTrainingFeedback` command. */
export const TrainingFeedbackGivenData = struct('TrainingFeedbackGivenData', {
  communityId: Id,
  trainingId: Id,
  givenOn: LocalDate,
  /** The training was useful. */
  useful: FeedbackRating,
  /** The participant will use what the training taught. */
  willUse: FeedbackRating,
  /** The training promoted and positively portrayed diversity among educators and learners. */
  diversity: FeedbackRating,
});
/** `TrainingFeedbackGivenData` as decoded. */
export type TrainingFeedbackGivenData = t.TypeOf<typeof TrainingFeedbackGivenData>;

/**
 * One participant answered the feedback survey after a training, anonymously and in ratings only; the results
 * improve professional learning and are reported, and one asks whether the training promoted and positively
 * portrayed diversity among educators and learners (`004`). Lives in the `community` stream named by its
 * `communityId`.
 */
export const TrainingFeedbackGiven = defineEvent({
  type: 'TrainingFeedbackGiven',
  streamKind: 'community',
  streamIdField: 'communityId',
  description:
    'One participant answered the feedback survey after a training, anonymously, rating its usefulness, their use of it and its portrayal of diversity (`004`).',
  data: TrainingFeedbackGivenData,
});

/**
 * Record one anonymous answer to the feedback survey of a training the community held, given on or after the
 * training. Accepted, it records `TrainingFeedbackGiven`.
 */
export const GiveTrainingFeedback = defineCommand({
  type: 'GiveTrainingFeedback',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Record one anonymous answer to the feedback survey of a training the community held.',
  data: TrainingFeedbackGivenData,
  produces: ['TrainingFeedbackGiven'],
});
