/**
 * The Streams service's `Read` call: stream and $all reads in both directions, and $all
 * subscriptions (confirmation, catch-up, caught-up, then live).
 */
import { Metadata, status, type ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { InMemoryLog, LogRecord } from './in-memory-log';
import { recordFilter, type RecordFilter } from './read-filter';
import { send } from './send';
import { readEventMessage, streamIdentifier, streamNameFromWire } from './wire-format';
import { subscribeToAll } from './all-subscription';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/** Behaviours that differ between server versions, to check the adapter against older ones. */
export interface ServerGeneration {
  /** Subscriptions say when their catch-up is over (servers since 23.10). */
  readonly caughtUpMessages: boolean;
  /** Events read from a stream carry their $all position (servers since 22.6). */
  readonly streamReadPositions: boolean;
}

const { StreamOptionCase, CountOptionCase, ReadDirection } = ReadReq.Options;

/** A read the server answers with an error status rather than events. */
class ReadRefused extends Error {
  constructor(
    readonly code: status,
    message: string,
    /** EventStoreDB's error trailers (`exception`, `stream-name`), from which the client picks its error class. */
    readonly trailers: Record<string, string> = {},
  ) {
    super(message);
  }

  get metadata(): Metadata {
    const metadata = new Metadata();
    for (const [key, value] of Object.entries(this.trailers)) metadata.set(key, value);
    return metadata;
  }
}

export const readHandler =
  (log: InMemoryLog, generation: ServerGeneration) =>
  (call: ReadCall): void => {
    read(log, call, generation).then(
      () => call.end(),
      (error: unknown) =>
        call.emit(
          'error',
          error instanceof ReadRefused
            ? { code: error.code, details: error.message, metadata: error.metadata }
            : { code: status.INTERNAL, details: String(error) },
        ),
    );
  };

const read = async (log: InMemoryLog, call: ReadCall, generation: ServerGeneration): Promise<void> => {
  const options = call.request.getOptions();
  if (options === undefined) throw new ReadRefused(status.INVALID_ARGUMENT, 'Read without options.');
  const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
  const subscription = options.getCountOptionCase() === CountOptionCase.SUBSCRIPTION;
  switch (options.getStreamOptionCase()) {
    case StreamOptionCase.ALL:
      return subscription
        ? subscribeToAll(log, call, options, { structuredIds, caughtUpMessage: generation.caughtUpMessages })
        : readAll(log, call, options, structuredIds);
    case StreamOptionCase.STREAM:
      if (subscription)
        throw new ReadRefused(status.UNIMPLEMENTED, 'Stream subscriptions are not served by the in-process server.');
      return readStream(log, call, options, structuredIds, generation.streamReadPositions);
    default:
      throw new ReadRefused(status.INVALID_ARGUMENT, 'Read of neither a stream nor $all.');
  }
};

const countOf = (options: ReadReq.Options): number => {
  const count = Number(options.getCount());
  return Number.isFinite(count) && count >= 0 ? count : Number.MAX_SAFE_INTEGER;
};

/** Writes up to `count` records taken from `next` until it runs dry or the client leaves. */
const sendRecords = async (
  call: ReadCall,
  next: () => LogRecord | undefined,
  count: number,
  accepts: RecordFilter,
  structuredIds: boolean,
  withPosition = true,
): Promise<void> => {
  let sent = 0;
  for (let record = next(); record !== undefined && sent < count; record = next()) {
    if (!accepts(record)) continue;
    if (!(await send(call, readEventMessage(record, structuredIds, withPosition)))) return;
    sent += 1;
  }
};

const readStream = async (
  log: InMemoryLog,
  call: ReadCall,
  options: ReadReq.Options,
  structuredIds: boolean,
  withPosition: boolean,
) => {
  const streamOptions = options.getStream() as ReadReq.Options.StreamOptions;
  const name = streamNameFromWire(streamOptions.getStreamIdentifier());
  if (log.isTombstoned(name)) {
    throw new ReadRefused(status.FAILED_PRECONDITION, `Event stream '${name}' is deleted.`, {
      exception: 'stream-deleted',
      'stream-name': name,
    });
  }
  const records = log.stream(name);
  if (records === undefined) {
    const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name));
    await send(call, new ReadResp().setStreamNotFound(notFound));
    return;
  }
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const last = records.length - 1;
  const { RevisionOptionCase } = ReadReq.Options.StreamOptions;
  const from = (() => {
    switch (streamOptions.getRevisionOptionCase()) {
      case RevisionOptionCase.REVISION:
        return Number(streamOptions.getRevision());
      case RevisionOptionCase.END:
        return backwards ? last : records.length;
      default:
        return 0;
    }
  })();
  let index = backwards ? Math.min(from, last) : from;
  const next = (): LogRecord | undefined => records[backwards ? index-- : index++];
  await sendRecords(call, next, countOf(options), () => true, structuredIds, withPosition);
};

const readAll = async (log: InMemoryLog, call: ReadCall, options: ReadReq.Options, structuredIds: boolean) => {
  const allOptions = options.getAll() as ReadReq.Options.AllOptions;
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const { AllOptionCase } = ReadReq.Options.AllOptions;
  const end = log.all.length;
  // Forwards reads include the record at the position; backwards reads return what lies before it.
  const first = (() => {
    switch (allOptions.getAllOptionCase()) {
      case AllOptionCase.POSITION: {
        const at = log.indexAtOrAfter(
          BigInt((allOptions.getPosition() as ReadReq.Options.Position).getCommitPosition()),
        );
        return backwards ? at - 1 : at;
      }
      case AllOptionCase.END:
        return backwards ? end - 1 : end;
      default:
        return backwards ? -1 : 0;
    }
  })();
  let index = first;
  const next = (): LogRecord | undefined =>
    index < 0 || index >= end ? undefined : log.all[backwards ? index-- : index++];
  await sendRecords(call, next, countOf(options), recordFilter(options), structuredIds);
};
