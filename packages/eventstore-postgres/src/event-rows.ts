import type { EventToAppend, StoredEvent } from '@coachline/eventstore';
import type { SqlValue } from './sql-client';

/** Columns in the order `EncodedEvent.row` fills them. */
export const EVENT_COLUMNS = [
  'position',
  'stream',
  'revision',
  'id',
  'type',
  'schema_version',
  'data',
  'metadata',
  'recorded_at',
] as const;

/** An event to append with its JSON already serialized, ready to take its place in the order. */
export interface EncodedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string | null;
}

/** `recorded_at` is an index over `metadata.recordedAt`; a value PostgreSQL could misread is left out. */
const recordedAtOf = (metadata: unknown): string | null => {
  const recordedAt = (metadata as { recordedAt?: unknown } | null | undefined)?.recordedAt;
  if (typeof recordedAt !== 'string') return null;
  const time = Date.parse(recordedAt);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

export const encodeEvent = (event: EventToAppend): EncodedEvent => ({
  id: event.id,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: JSON.stringify(event.data ?? null),
  metadata: JSON.stringify(event.metadata ?? null),
  recordedAt: recordedAtOf(event.metadata),
});

export const eventRow = (event: EncodedEvent, stream: string, revision: number, position: number): SqlValue[] => [
  position,
  stream,
  revision,
  event.id,
  event.type,
  event.schemaVersion,
  event.data,
  event.metadata,
  event.recordedAt,
];

export const SELECT_EVENT_COLUMNS = 'position, stream, revision, id, type, schema_version, data, metadata';

export interface EventRecord {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly metadata: StoredEvent['metadata'];
  readonly [column: string]: unknown;
}

export const toStoredEvent = (row: EventRecord): StoredEvent => ({
  id: row.id,
  type: row.type,
  schemaVersion: row.schema_version,
  data: row.data,
  metadata: row.metadata,
  stream: row.stream,
  revision: row.revision,
  position: row.position,
});
