/**
 * How a Coachline event is laid out in EventStoreDB: the event's type and data as the ESDB event's
 * type and JSON data; everything else Coachline keeps about it in the ESDB event's JSON metadata:
 *
 *     { "schemaVersion": 1, "metadata": { …Coachline metadata… },
 *       "eventId": "e-17",                 only when the id had to be mapped to a UUID
 *       "$correlationId": "…", "$causationId": "…" }
 *
 * The `$`-prefixed copies follow EventStoreDB's own metadata conventions, so the server's
 * by-correlation projection and its UI can follow Coachline's command chains.
 */
import { jsonEvent, type JSONEventData, type JSONType, type RecordedEvent } from '@eventstore/db-client';
import type { EventMetadataJson, EventToAppend, StoredEvent } from '@coachline/eventstore';
import { esdbEventId } from './event-id';

export interface CoachlineEnvelope {
  readonly schemaVersion: number;
  readonly metadata: EventMetadataJson;
  readonly eventId?: string;
  readonly $correlationId?: string;
  readonly $causationId?: string;
}

/** EventStoreDB's own streams and events ($settings, $users, links `$>`, stats …) start with `$`. */
export const isSystemEvent = (stream: string, type: string): boolean => stream.startsWith('$') || type.startsWith('$');

export const toEventData = (event: EventToAppend): JSONEventData => {
  const id = esdbEventId(event.id);
  const envelope: CoachlineEnvelope = {
    schemaVersion: event.schemaVersion,
    metadata: event.metadata,
    ...(id === event.id ? {} : { eventId: event.id }),
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId === undefined ? {} : { $causationId: event.metadata.causationId }),
  };
  // The client serializes data with JSON.stringify, which takes any JSON value, not only objects.
  return jsonEvent({ id, type: event.type, data: event.data as JSONType, metadata: envelope as unknown as JSONType });
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

const envelopeOf = (recorded: RecordedEvent): CoachlineEnvelope => {
  const envelope: unknown = recorded.metadata;
  if (
    recorded.isJson &&
    isObject(envelope) &&
    Number.isInteger(envelope['schemaVersion']) &&
    isObject(envelope['metadata']) &&
    (envelope['eventId'] === undefined || typeof envelope['eventId'] === 'string')
  ) {
    return envelope as unknown as CoachlineEnvelope;
  }
  throw new Error(
    `Event ${recorded.id} (${recorded.type}) at ${recorded.streamId}@${recorded.revision} was not written by Coachline: its metadata has no schemaVersion and metadata.`,
  );
};

/** The Coachline event an ESDB event holds. */
export const toStoredEvent = (recorded: RecordedEvent, stream: string, position: number): StoredEvent => {
  const envelope = envelopeOf(recorded);
  return {
    id: envelope.eventId ?? recorded.id,
    type: recorded.type,
    schemaVersion: envelope.schemaVersion,
    data: recorded.data,
    metadata: envelope.metadata,
    stream,
    revision: Number(recorded.revision),
    position,
  };
};
