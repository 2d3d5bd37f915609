import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Text } from '../kernel/primitives';
import { struct } from '../kernel/struct';
import { optionalSessionFields, sessionFields } from './session-logged';

/** The new values of the fields a correction changes; at least one (checked by the decider). */
export const SessionChanges = struct('SessionChanges', {}, { ...sessionFields, ...optionalSessionFields });
export type SessionChanges = t.TypeOf<typeof SessionChanges>;

/** The data of the `SessionCorrected` event and of the `CorrectSession` command. */
export const SessionCorrectedData = struct('SessionCorrectedData', {
  providerId: Id,
  sessionId: Id,
  changes: SessionChanges,
  reason: Text,
});
/** `SessionCorrectedData` as decoded. */
export type SessionCorrectedData = t.TypeOf<typeof SessionCorrectedData>;

/**
 * A logged session was corrected: `changes` holds the new values of the fields it changes (rule 12). Lives in the
 * `provider` stream named by its `providerId`.
 */
export const SessionCorrected = defineEvent({
  type: 'SessionCorrected',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'A logged session was corrected: `changes` holds the new values of the fields it changes (rule 12).',
  data: SessionCorrectedData,
});

/** Correct a logged session that is not voided, giving the reason. Accepted, it records `SessionCorrected`. */
export const CorrectSession = defineCommand({
  type: 'CorrectSession',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Correct a logged session that is not voided, giving the reason.',
  data: SessionCorrectedData,
  produces: ['SessionCorrected'],
});
