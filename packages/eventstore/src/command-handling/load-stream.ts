import { decodeRecordedEvent, DomainError, RecordedEvent } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import type { EventStore, StoredEvent } from '../event-store';

/** A stored event the domain cannot read (unknown type, newer schema, broken data): a fault of the store's content, not of the command. */
export class UnreadableEventError extends Error {
  override readonly name = 'UnreadableEventError';
  constructor(
    readonly stream: string,
    readonly revision: number,
    readonly reason: DomainError,
  ) {
    super(
      `Event ${revision} of stream ${stream} cannot be read: ${reason.message} ${reason.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  }
}

/**
 * A decided event once the store has placed it: its revision in its stream is known. The domain
 * decides events without one; the store gives it.
 */
export type PlacedEvent = RecordedEvent & { readonly revision: number };

/** An event read back from the store: its revision and its place in the global order are both known. */
export type ReadBackEvent = PlacedEvent & { readonly position: number };

/** A stream's history as the domain sees it, and the revision it was read at. */
export interface LoadedStream {
  readonly stream: string;
  readonly history: ReadonlyArray<ReadBackEvent>;
  /** The revision of the last event, `undefined` for a stream that does not exist yet. */
  readonly revision: number | undefined;
}

// Only the envelope's own fields: the domain's codecs refuse fields they do not know.
export const envelopeOf = ({ id, stream, type, schemaVersion, data, metadata, position, revision }: StoredEvent) => ({
  id,
  stream,
  type,
  schemaVersion,
  data,
  metadata,
  position,
  revision,
});

/** Reads and decodes a stream, upcasting events written at older schema versions. */
export const loadStream = async (store: EventStore, stream: string): Promise<LoadedStream> => {
  const history: ReadBackEvent[] = [];
  let revision: number | undefined;
  for await (const stored of store.readStream(stream)) {
    const decoded = decodeRecordedEvent(envelopeOf(stored));
    if (E.isLeft(decoded)) throw new UnreadableEventError(stream, stored.revision, decoded.left);
    history.push({ ...decoded.right, revision: stored.revision, position: stored.position });
    revision = stored.revision;
  }
  return { stream, history, revision };
};
