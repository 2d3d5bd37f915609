import { decodeRecordedEvent, type RecordedEvent, STREAM_KINDS, type StreamKind } from '@coachline/domain';
import { dosageProjection, type DosageView, viewOf } from '@coachline/projections';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import * as E from 'fp-ts/Either';
import { api, segment } from '../../api/client';

/** One event as `GET /streams/:stream` answers it: all its metadata, its data at the current schema version. */
export interface HistoryEntry {
  readonly id: string;
  readonly stream: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly position: number | null;
  readonly revision: number | null;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: unknown;
}

export interface StreamHistory {
  readonly asOf: string;
  readonly stream: string | null;
  readonly events: ReadonlyArray<HistoryEntry>;
}

export const STREAM_KIND_OPTIONS: ReadonlyArray<StreamKind> = STREAM_KINDS;

/** A stream's name from its kind and id, as the store names it (`provider-p-017`). */
export const streamOfKind = (kind: StreamKind, id: string): string => `${kind}-${id}`;

/** The kind and id a stream's name is made of, or undefined for a name no kind begins. */
export const kindOfStream = (stream: string): { kind: StreamKind; id: string } | undefined => {
  const kind = STREAM_KINDS.find((candidate) => stream.startsWith(`${candidate}-`));
  return kind === undefined ? undefined : { kind, id: stream.slice(kind.length + 1) };
};

const historyPath = (stream: string, asOf: string | undefined) =>
  `/streams/${segment(stream)}${asOf === undefined ? '' : `?asOf=${encodeURIComponent(asOf)}`}`;

/** A stream's history, whole or as of a moment; every read of it lands in the access log. */
export const useStreamHistory = (stream: string | undefined, asOf?: string) =>
  useQuery({
    queryKey: ['stream-history', stream, asOf ?? 'now'],
    enabled: stream !== undefined,
    queryFn: () => api<StreamHistory>(historyPath(stream ?? '', asOf)),
    // Moving the slider keeps the last answer on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });

/** The history's entry back in the form the projections fold: the store's own event, checked by the domain. */
export const recordedEventOf = (entry: HistoryEntry): E.Either<string, RecordedEvent> => {
  const decoded = decodeRecordedEvent({
    id: entry.id,
    stream: entry.stream,
    type: entry.type,
    schemaVersion: entry.schemaVersion,
    data: entry.data,
    metadata: {
      actor: entry.actor,
      recordedAt: entry.recordedAt,
      commandId: entry.commandId,
      correlationId: entry.correlationId,
      ...(entry.causationId === null ? {} : { causationId: entry.causationId }),
    },
    ...(entry.position === null ? {} : { position: entry.position }),
    ...(entry.revision === null ? {} : { revision: entry.revision }),
  });
  return E.isLeft(decoded) ? E.left(`${entry.id}: ${decoded.left.message}`) : E.right(decoded.right);
};

/**
 * A provider's dosage as the program knew it at `asOf`, replayed by the dosage view's own fold
 * over the two streams it depends on (the community's, for the program year and its guide, and
 * the provider's): the figures `GET /views/dosage?asOf=` gives those who may read it.
 */
export const replayedDosage = (
  providerId: string,
  asOf: string,
  streams: ReadonlyArray<ReadonlyArray<HistoryEntry>>,
): E.Either<string, DosageView['providers'][number] | undefined> => {
  const events: RecordedEvent[] = [];
  for (const entry of streams.flat()) {
    const event = recordedEventOf(entry);
    if (E.isLeft(event)) return event;
    events.push(event.right);
  }
  events.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const view = viewOf<DosageView>(dosageProjection, events, { asOf, providerId });
  return E.right(view.providers.find((provider) => provider.providerId === providerId));
};

/** The community a provider was enrolled in, from their stream's enrollment. */
export const communityOfProvider = (events: ReadonlyArray<HistoryEntry>): string | undefined => {
  const enrolled = events.find((event) => event.type === 'ProviderEnrolled');
  const data = enrolled?.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const communityId = (data as { readonly communityId?: unknown }).communityId;
  return typeof communityId === 'string' ? communityId : undefined;
};
