import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { compileGuard, Guard } from '../kernel/compiled-guard';
import { decodeWith } from '../kernel/decode';
import { DomainError, invalid } from '../kernel/domain-error';
import { EventDefinition, streamName } from '../kernel/event-definition';
import { EventMetadata } from '../kernel/metadata';
import { Id, NonNegativeInteger, PositiveInteger } from '../kernel/primitives';
import { struct, StructType } from '../kernel/struct';
import { CoachlineEvent, findEventDefinition } from './event-catalogue';

/**
 * The hashes a store kept with the event (its hash and the chain at its position). They are the
 * store's evidence, not part of the event: checked by `verify`, ignored on import (the importing
 * store chains the events anew).
 */
export const RecordedIntegrity = struct('RecordedIntegrity', { hash: t.string, chain: t.string });

/** The stored form of an event (one line of the event file), before its data is checked. */
export const RecordedEventEnvelope = struct(
  'RecordedEvent',
  { id: Id, stream: Id, type: Id, schemaVersion: PositiveInteger, data: t.unknown, metadata: EventMetadata },
  { position: NonNegativeInteger, revision: NonNegativeInteger, integrity: RecordedIntegrity },
);

/** An event as read back: its data at the current schema version, with where and who. */
export type RecordedEvent<Ev extends { type: string; data: unknown } = CoachlineEvent> = Ev & {
  readonly id: string;
  readonly stream: string;
  readonly schemaVersion: number;
  readonly metadata: EventMetadata;
  readonly position?: number;
  readonly revision?: number;
  readonly integrity?: { readonly hash: string; readonly chain: string };
};

const oneError = (code: string, path: string, message: string): DomainError =>
  invalid(code, message, [{ path, message }]);

/** Lifts data written at `version` to the current shape, one version at a time. */
const upcast = (definition: EventDefinition, version: number, data: unknown): E.Either<DomainError, unknown> => {
  let current = data;
  for (const step of definition.history.slice(version - 1)) {
    const decoded = decodeWith(step.data, `${definition.type} v${step.version} data`, 'data')(current);
    if (E.isLeft(decoded)) return decoded;
    current = step.upcast(decoded.right);
  }
  return E.right(current);
};

/**
 * Decodes an event as stored or exported: every version ever written is accepted and
 * upcast on read; the stream must be the one the data names.
 */
export const decodeRecordedEvent = (input: unknown): E.Either<DomainError, RecordedEvent> =>
  // A replay reads a million events, almost all at the current version and right: those are their
  // own decoding, found by compiled checks that allocate nothing. Any other goes the whole way, which
  // reports every wrong field; both decide alike (recorded-event.properties.unit.spec.ts).
  isCurrentAndValid(input) ? E.right(input as RecordedEvent) : decodeRecordedEventInFull(input);

const envelopeIsValid = compileGuard(RecordedEventEnvelope);

/**
 * The compiled check of each event type's current data. A value it accepts is its own decoding
 * only when the data codec is a struct (whose decoding of a valid value is that value): any other
 * codec always goes the whole way.
 */
const currentDataGuards = new Map<string, Guard>();
const currentDataGuard = (definition: EventDefinition): Guard => {
  let guard = currentDataGuards.get(definition.type);
  if (guard === undefined) {
    guard = definition.data instanceof StructType ? compileGuard(definition.data) : () => false;
    currentDataGuards.set(definition.type, guard);
  }
  return guard;
};

/** True when `decodeRecordedEventInFull(input)` would give `input` back unchanged. */
const isCurrentAndValid = (input: unknown): boolean => {
  if (!envelopeIsValid(input)) return false;
  const { type, schemaVersion, stream, data } = input as {
    type: string;
    schemaVersion: number;
    stream: string;
    data: unknown;
  };
  const definition = findEventDefinition(type);
  if (definition === undefined || schemaVersion !== definition.schemaVersion) return false;
  if (!currentDataGuard(definition)(data)) return false;
  // `stream === streamName(kind, id)` without building the name for each event.
  const id = String((data as Record<string, unknown>)[definition.streamIdField]);
  const kind = definition.streamKind;
  return (
    stream.length === kind.length + 1 + id.length &&
    stream.startsWith(kind) &&
    stream.charCodeAt(kind.length) === HYPHEN &&
    stream.endsWith(id)
  );
};

const HYPHEN = 0x2d;

/** `decodeRecordedEvent` without its fast path: every check made by the codecs, every wrong field named. */
export const decodeRecordedEventInFull = (input: unknown): E.Either<DomainError, RecordedEvent> => {
  // Plain branches rather than a pipeline.
  const envelope = decodeEnvelope(input);
  if (E.isLeft(envelope)) return envelope;
  const { type, schemaVersion, stream } = envelope.right;
  const definition = findEventDefinition(type);
  if (!definition) return E.left(oneError('unknown-event-type', 'type', `unknown event type "${type}"`));
  if (schemaVersion > definition.schemaVersion)
    return E.left(
      oneError(
        'unknown-schema-version',
        'schemaVersion',
        `${definition.type} is known up to schemaVersion ${definition.schemaVersion}, got ${schemaVersion}`,
      ),
    );
  const lifted =
    schemaVersion < definition.schemaVersion
      ? upcast(definition, schemaVersion, envelope.right.data)
      : E.right(envelope.right.data);
  if (E.isLeft(lifted)) return lifted;
  const data = decodeWith(definition.data, `${definition.type} data`, 'data')(lifted.right);
  if (E.isLeft(data)) return data;
  const expected = streamName(
    definition.streamKind,
    String((data.right as Record<string, unknown>)[definition.streamIdField]),
  );
  if (stream !== expected)
    return E.left(
      oneError(
        'stream-mismatch',
        'stream',
        `expected stream "${expected}" for this ${definition.type}, got "${stream}"`,
      ),
    );
  // An event already at the current version is its own decoding: no copy.
  if (data.right === envelope.right.data && schemaVersion === definition.schemaVersion)
    return E.right(envelope.right as RecordedEvent);
  return E.right({ ...envelope.right, schemaVersion: definition.schemaVersion, data: data.right } as RecordedEvent);
};

const decodeEnvelope = decodeWith(RecordedEventEnvelope, 'event');

/** The JSON form of a recorded event, always at the current schema version. */
export const encodeRecordedEvent = (event: RecordedEvent): Record<string, unknown> => {
  const definition = findEventDefinition(event.type);
  const data = definition ? definition.data.encode(event.data) : event.data;
  return {
    id: event.id,
    stream: event.stream,
    type: event.type,
    schemaVersion: definition?.schemaVersion ?? event.schemaVersion,
    data,
    metadata: EventMetadata.encode(event.metadata),
    ...(event.position !== undefined ? { position: event.position } : {}),
    ...(event.revision !== undefined ? { revision: event.revision } : {}),
  };
};

/** The stream a domain event belongs in. */
export const streamOf = (event: { type: string; data: unknown }): string | undefined => {
  const definition = findEventDefinition(event.type);
  if (!definition) return undefined;
  return streamName(definition.streamKind, String((event.data as Record<string, unknown>)[definition.streamIdField]));
};
