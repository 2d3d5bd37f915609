import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `FeedbackSent` event and of the `SendFeedback` command. */
export const FeedbackSentData = struct('FeedbackSentData', { providerId: Id, sessionId: Id, sentOn: LocalDate });
/** `FeedbackSentData` as decoded. */
export type FeedbackSentData = t.TypeOf<typeof FeedbackSentData>;

/**
 * The coach sent the provider feedback on a session (the guide’s “email feedback to providers as needed”). Lives
 * in the `provider` stream named by its `providerId`.
 */
export const FeedbackSent = defineEvent({
  type: 'FeedbackSent',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'The coach sent the provider feedback on a session (the guide’s “email feedback to providers as needed”).',
  data: FeedbackSentData,
});

/**
 * Record feedback sent on a logged, not voided session, on or after the day it was held. Accepted, it records
 * `FeedbackSent`.
 */
export const SendFeedback = defineCommand({
  type: 'SendFeedback',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Record feedback sent on a logged, not voided session, on or after the day it was held.',
  data: FeedbackSentData,
  produces: ['FeedbackSent'],
});
