import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Text } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `SessionVoided` event and of the `VoidSession` command. */
export const SessionVoidedData = struct('SessionVoidedData', { providerId: Id, sessionId: Id, reason: Text });
/** `SessionVoidedData` as decoded. */
export type SessionVoidedData = t.TypeOf<typeof SessionVoidedData>;

/**
 * A logged session was voided: it counts for nothing from then on, and its record stays (rule 12). Lives in the
 * `provider` stream named by its `providerId`.
 */
export const SessionVoided = defineEvent({
  type: 'SessionVoided',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'A logged session was voided: it counts for nothing from then on, and its record stays (rule 12).',
  data: SessionVoidedData,
});

/** Void a logged session that is not already voided, giving the reason. Accepted, it records `SessionVoided`. */
export const VoidSession = defineCommand({
  type: 'VoidSession',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Void a logged session that is not already voided, giving the reason.',
  data: SessionVoidedData,
  produces: ['SessionVoided'],
});
