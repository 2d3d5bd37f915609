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

/** A stream's history as the domain sees it, and the revision it was read at. */
export interface LoadedStream {
  readonly stream: string;
  readonly history: ReadonlyArray<RecordedEvent>;
  /** The revision of the last event, `undefined` for a stream that does not exist yet. */
  readonly revision: number | undefined;
}

// Only the envelope's own fields: the domain's codecs refuse fields they do not know.
const envelopeOf = ({ id, stream, type, schemaVersion, data, metadata, position, revision }: StoredEvent) => ({
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
  const history: RecordedEvent[] = [];
  let revision: number | undefined;
  for await (const stored of store.readStream(stream)) {
    const decoded = decodeRecordedEvent(envelopeOf(stored));
    if (E.isLeft(decoded)) throw new UnreadableEventError(stream, stored.revision, decoded.left);
    history.push(decoded.right);
    revision = stored.revision;
  }
  return { stream, history, revision };
};
