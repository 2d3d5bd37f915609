import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, Text } from '../shared/primitives';
import { struct } from '../shared/struct';

export const SessionVoidedData = struct('SessionVoidedData', { providerId: Id, sessionId: Id, reason: Text });
export type SessionVoidedData = t.TypeOf<typeof SessionVoidedData>;

export const SessionVoided = defineEvent({
  type: 'SessionVoided',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'A logged session was voided: it counts for nothing from then on, and its record stays (rule 12).',
  data: SessionVoidedData,
});

export const VoidSession = defineCommand({
  type: 'VoidSession',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Void a logged session that is not already voided, giving the reason.',
  data: SessionVoidedData,
  produces: ['SessionVoided'],
});
