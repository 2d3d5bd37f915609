import {
  canonicalContentOf,
  canonicalJson,
  nextIntegrityOfContent,
  sealEvent,
  type EventIntegrity,
  type TreeEdge,
  type EventToAppend,
  type StoredEvent,
} from '@coachline/eventstore';
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
  'hash',
  'chain',
  'tree',
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

/**
 * An instant already written as `toISOString` writes it, on a day every month has and before 24:00:
 * such a text is its own UTC form (Date.parse rejects minutes or seconds out of range, and months).
 */
const ALREADY_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):\d\d:\d\d\.\d{3}Z$/;

/** `recorded_at` is an index over `metadata.recordedAt`; a value PostgreSQL could misread is left out. */
export const recordedAtOf = (metadata: unknown): string | null => {
  const recordedAt = (metadata as { recordedAt?: unknown } | null | undefined)?.recordedAt;
  if (typeof recordedAt !== 'string') return null;
  const time = Date.parse(recordedAt);
  if (Number.isNaN(time)) return null;
  // Skips building a Date and its text again for the form nearly every event carries.
  return ALREADY_UTC.test(recordedAt) ? recordedAt : new Date(time).toISOString();
};

export const encodeEvent = (event: EventToAppend): EncodedEvent => ({
  id: event.id,
  type: event.type,
  schemaVersion: event.schemaVersion,
  // Canonical JSON (RFC 8785): jsonb keeps no key order anyway, and the event's hash is taken over
  // this very text once its revision is known, so each value is serialized once.
  data: canonicalJson(event.data, `The data of event ${event.id}`),
  metadata: canonicalJson(event.metadata, `The metadata of event ${event.id}`),
  recordedAt: recordedAtOf(event.metadata),
});

/** An event's hash and chain, and its row's tree column: the nodes its leaf completes (null without a tree). */
export interface SealedRow extends EventIntegrity {
  readonly nodes: Buffer | null;
}

/**
 * Seals an event at its place: its hash and chain from its stream's tip hash and the chain at the
 * head (both '' at the start), and, when `tree` grows with the events, its leaf added to it, all
 * taken over the same canonical content, built once.
 */
export const sealRow = (
  event: EncodedEvent,
  stream: string,
  revision: number,
  previousStreamHash: string,
  previousChain: string,
  tree: TreeEdge | undefined,
): SealedRow => {
  const content = canonicalContentOf({
    id: event.id,
    stream,
    revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    canonicalData: event.data,
    canonicalMetadata: event.metadata,
  });
  if (tree === undefined) return { ...nextIntegrityOfContent(previousStreamHash, previousChain, content), nodes: null };
  const { hash, chain, leaf } = sealEvent(previousStreamHash, previousChain, content);
  return { hash, chain, nodes: Buffer.from(tree.addLeafHex(leaf), 'hex') };
};

export const eventRow = (
  event: EncodedEvent,
  stream: string,
  revision: number,
  position: number,
  sealed: SealedRow,
): SqlValue[] => [
  position,
  stream,
  revision,
  event.id,
  event.type,
  event.schemaVersion,
  event.data,
  event.metadata,
  event.recordedAt,
  sealed.hash,
  sealed.chain,
  sealed.nodes,
];

export const SELECT_EVENT_COLUMNS = 'position, stream, revision, id, type, schema_version, data, metadata, hash, chain';

export interface EventRecord {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly metadata: StoredEvent['metadata'];
  readonly hash?: string | null;
  readonly chain?: string | null;
  readonly [column: string]: unknown;
}

export const toStoredEvent = (row: EventRecord): StoredEvent =>
  // Two literals rather than a spread of an optional part: every event read gets one of two fixed shapes.
  typeof row.hash === 'string' && typeof row.chain === 'string'
    ? {
        id: row.id,
        type: row.type,
        schemaVersion: row.schema_version,
        data: row.data,
        metadata: row.metadata,
        stream: row.stream,
        revision: row.revision,
        position: row.position,
        integrity: { hash: row.hash, chain: row.chain },
      }
    : // A row written before the chain existed, or stripped of it, reads without one: verify names it.
      {
        id: row.id,
        type: row.type,
        schemaVersion: row.schema_version,
        data: row.data,
        metadata: row.metadata,
        stream: row.stream,
        revision: row.revision,
        position: row.position,
      };
