import {
  decodeRecordedEvent,
  evolveState,
  findEventDefinition,
  type RecordedEvent,
  type StreamKind,
  type StreamState,
} from '@coachline/domain';
import * as E from 'fp-ts/Either';
import type { EventStore, StoredEvent } from '../event-store';
import { envelopeOf, type ReadBackEvent, UnreadableEventError } from './load-stream';

/**
 * The commands a stream holds, newest first, each by the revisions its events span: enough to
 * find them again in the store when the same commandId comes back, without keeping the events.
 */
interface CommandOnRecord {
  readonly commandId: string;
  readonly first: number;
  readonly last: number;
  readonly earlier: CommandOnRecord | undefined;
}

/**
 * A stream as its decider last saw it: the state its events fold to, the revision and global
 * position of the last one folded, and the commands it holds. Never changed once made: folding
 * more events gives a new one, so commands in flight on one stream each keep the one they read.
 */
export interface DecidedStream {
  readonly stream: string;
  readonly state: StreamState;
  /** The revision of the last event folded in, `undefined` while the stream does not exist. */
  readonly revision: number | undefined;
  /** The global position of that event, 0 while the stream does not exist. */
  readonly lastPosition: number;
  /** That event's id: the next read starts at it, to check that the store still holds it there. */
  readonly lastEventId: string | undefined;
  readonly commands: CommandOnRecord | undefined;
}

const noStream = (stream: string, kind: StreamKind): DecidedStream => ({
  stream,
  state: evolveState(kind, []),
  revision: undefined,
  lastPosition: 0,
  lastEventId: undefined,
  commands: undefined,
});

/** The stream's command list with each of `events`' commands added (one entry per run of a commandId). */
const withCommandsOf = (
  commands: CommandOnRecord | undefined,
  events: ReadonlyArray<{ readonly revision: number; readonly metadata: { readonly commandId: string } }>,
): CommandOnRecord | undefined => {
  let newest = commands;
  for (const { revision, metadata } of events) {
    newest =
      newest !== undefined && newest.commandId === metadata.commandId
        ? { ...newest, last: revision }
        : { commandId: metadata.commandId, first: revision, last: revision, earlier: newest };
  }
  return newest;
};

/** The revisions spanning every event of `commandId` in the stream, if it holds any. */
export const revisionsOfCommand = (
  decided: DecidedStream,
  commandId: string,
): { first: number; last: number } | undefined => {
  let span: { first: number; last: number } | undefined;
  for (let entry = decided.commands; entry !== undefined; entry = entry.earlier) {
    if (entry.commandId !== commandId) continue;
    span = { first: entry.first, last: span?.last ?? entry.last };
  }
  return span;
};

const decodeStored = (stored: StoredEvent): ReadBackEvent => {
  const decoded = decodeRecordedEvent(envelopeOf(stored));
  if (E.isLeft(decoded)) throw new UnreadableEventError(stored.stream, stored.revision, decoded.left);
  return { ...decoded.right, revision: stored.revision, position: stored.position };
};

/**
 * Reads what the store holds past `from` (the whole stream without it), decodes it as the
 * domain reads any stored event, and folds it in. The read starts at `from`'s last event, to
 * check that the store still holds it there: when it does not (a store restored from an older
 * backup, another store than the one `from` was read from), the stream is read again whole. Throws `UnreadableEventError` for an event the domain cannot read,
 * and whatever the store throws.
 */
export const readOnFrom = async (
  store: EventStore,
  stream: string,
  kind: StreamKind,
  from: DecidedStream | undefined,
): Promise<DecidedStream> => {
  if (from?.revision === undefined) return foldedFrom(noStream(stream, kind), store.readStream(stream));
  let continued = false;
  const tail: ReadBackEvent[] = [];
  for await (const stored of store.readStream(stream, { from: from.revision })) {
    if (!continued) {
      if (stored.revision !== from.revision || stored.id !== from.lastEventId) break;
      continued = true;
    } else tail.push(decodeStored(stored));
  }
  if (!continued) return readOnFrom(store, stream, kind, undefined);
  return tail.length === 0 ? from : foldedOn(from, tail, tail.at(-1)!.position);
};

const foldedFrom = async (base: DecidedStream, read: AsyncIterable<StoredEvent>): Promise<DecidedStream> => {
  const history: ReadBackEvent[] = [];
  for await (const stored of read) history.push(decodeStored(stored));
  return history.length === 0 ? base : foldedOn(base, history, history.at(-1)!.position);
};

/** `decided` with `events` folded in, placed from the revision after its own up to `lastPosition`. */
const foldedOn = (
  decided: DecidedStream,
  events: ReadonlyArray<RecordedEvent & { readonly revision: number }>,
  lastPosition: number,
): DecidedStream => ({
  stream: decided.stream,
  state: evolveState(decided.state.kind, events, decided.state),
  revision: events.at(-1)?.revision ?? decided.revision,
  lastPosition,
  lastEventId: events.at(-1)?.id ?? decided.lastEventId,
  commands: withCommandsOf(decided.commands, events),
});

/**
 * `decided` once the store appended a command's own events right after it, or `undefined` when
 * they are better read back: events with child data are stored sealed, so a later read folds
 * what the store keeps rather than the plain values the decider produced.
 */
export const afterAppend = (
  decided: DecidedStream,
  appended: ReadonlyArray<RecordedEvent>,
  nextRevision: number,
  lastPosition: number,
): DecidedStream | undefined => {
  const first = nextRevision - appended.length + 1;
  if (appended.some((event) => findEventDefinition(event.type)!.personal.length > 0)) return undefined;
  return foldedOn(
    decided,
    appended.map((event, i) => ({ ...event, revision: first + i })),
    lastPosition,
  );
};

/** Reads the events of `commandId` back from the store, as a full reload would have found them. */
export const readCommandBack = async (
  store: EventStore,
  decided: DecidedStream,
  commandId: string,
): Promise<ReadBackEvent[]> => {
  const span = revisionsOfCommand(decided, commandId);
  if (span === undefined) return [];
  const events: ReadBackEvent[] = [];
  for await (const stored of store.readStream(decided.stream, {
    from: span.first,
    maxCount: span.last - span.first + 1,
  }))
    if (stored.metadata.commandId === commandId) events.push(decodeStored(stored));
  return events;
};
