import { STREAM_KINDS, type StreamKind } from '@coachline/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
