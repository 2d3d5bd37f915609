/**
 * The transaction log of the in-process EventStoreDB server: one array in commit order plus an
 * index per stream. JavaScript runs each append to completion before the next starts, so appends
 * are serialized and readers never see a gap.
 */
import { randomUUID } from 'node:crypto';

/** An event as the log stores it, with the wire fields EventStoreDB keeps for it. */
export interface LogRecord {
  /** Lowercase canonical UUID, as EventStoreDB formats event ids. */
  readonly eventId: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created`. */
  readonly created: bigint;
  /**
   * Byte offset of the record in the log. EventStoreDB reports it as both the commit and the
   * prepare position of events appended over gRPC, so one number is kept.
   */
  readonly position: bigint;
}

export interface ProposedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export type ExpectedStreamState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no-stream' }
  | { readonly kind: 'stream-exists' }
  | { readonly kind: 'revision'; readonly revision: number };

export type AppendOutcome =
  | { readonly kind: 'written'; readonly currentRevision: number; readonly position: bigint }
  /** EventStoreDB answers a replayed append (same event ids at the same place) without writing. */
  | { readonly kind: 'idempotent'; readonly currentRevision: number; readonly position: bigint }
  | { readonly kind: 'nothing-written'; readonly currentRevision: number | undefined }
  | { readonly kind: 'wrong-expected-version'; readonly currentRevision: number | undefined }
  /** The stream was tombstoned: nothing can be written to it again. */
  | { readonly kind: 'stream-deleted' };

export type DeletionOutcome =
  | { readonly kind: 'deleted'; readonly position: bigint | undefined }
  | { readonly kind: 'wrong-expected-version'; readonly currentRevision: number | undefined }
  | { readonly kind: 'stream-deleted' };

/** Fixed overhead of a prepare record, so positions look like the byte offsets a real log has. */
const RECORD_HEADER_BYTES = 96n;
/** Real logs start with an epoch record and a few system writes before any user event. */
const FIRST_POSITION = 2_048n;
const TICKS_PER_MILLISECOND = 10_000n;

export class InMemoryLog {
  private readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  /** Soft-deleted streams: how many of their first records reads no longer show (EventStoreDB's `$tb`). */
  private readonly truncatedBefore = new Map<string, number>();
  private readonly tombstoned = new Set<string>();
  private readonly appendListeners = new Set<() => void>();
  private nextPosition = FIRST_POSITION;

  get all(): ReadonlyArray<LogRecord> {
    return this.records;
  }

  /** The records a read of the stream shows; undefined when it does not exist or was deleted. */
  stream(name: string): ReadonlyArray<LogRecord> | undefined {
    if (this.tombstoned.has(name)) return undefined;
    const records = this.streams.get(name);
    const visible = records?.slice(this.truncatedBefore.get(name) ?? 0);
    return visible === undefined || visible.length === 0 ? undefined : visible;
  }

  isTombstoned(name: string): boolean {
    return this.tombstoned.has(name);
  }

  /** Index in `all` of the first record at or after `position`. */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.records[middle] as LogRecord).position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Registers a listener called after every write; returns its removal. */
  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  append(stream: string, events: ReadonlyArray<ProposedEvent>, expected: ExpectedStreamState): AppendOutcome {
    if (this.tombstoned.has(stream)) return { kind: 'stream-deleted' };
    const existing = this.streams.get(stream) ?? [];
    // A soft-deleted stream counts as absent until written again; its revisions carry on.
    const current = this.stream(stream) === undefined ? undefined : existing.length - 1;
    const replayed = this.replayedRecords(existing, events, expected);
    if (replayed !== undefined) {
      const last = replayed[replayed.length - 1] as LogRecord;
      return { kind: 'idempotent', currentRevision: last.revision, position: last.position };
    }
    if (!this.accepts(current, expected)) return { kind: 'wrong-expected-version', currentRevision: current };
    if (events.length === 0) return { kind: 'nothing-written', currentRevision: current };

    const created = BigInt(Date.now()) * TICKS_PER_MILLISECOND;
    const written = events.map((event, offset): LogRecord => {
      const position = this.nextPosition;
      this.nextPosition += RECORD_HEADER_BYTES + BigInt(event.data.length + event.customMetadata.length);
      this.nextPosition += BigInt(Buffer.byteLength(stream) + Buffer.byteLength(event.type));
      return { ...event, stream, revision: existing.length + offset, created, position };
    });
    this.records.push(...written);
    this.streams.set(stream, existing.concat(written));
    for (const listener of [...this.appendListeners]) listener();
    const last = written[written.length - 1] as LogRecord;
    return { kind: 'written', currentRevision: last.revision, position: last.position };
  }

  /**
   * EventStoreDB's two deletions. A soft delete hides the stream's records from stream reads and
   * lets it be written again, its revisions carrying on (the server records it as `$tb` metadata
   * in `$$<stream>`). A tombstone (hard delete) hides them for good and refuses every later write.
   * Either way the records stay in `$all`, as on a server before a scavenge removes them.
   */
  delete(stream: string, expected: ExpectedStreamState, hard: boolean): DeletionOutcome {
    if (this.tombstoned.has(stream)) return { kind: 'stream-deleted' };
    const existing = this.streams.get(stream) ?? [];
    const current = this.stream(stream) === undefined ? undefined : existing.length - 1;
    if (!this.accepts(current, expected)) return { kind: 'wrong-expected-version', currentRevision: current };
    if (hard) {
      this.tombstoned.add(stream);
      // The server's tombstone record ($streamDeleted) takes its place in the log; $all readers here never see it.
      const position = this.nextPosition;
      this.nextPosition += RECORD_HEADER_BYTES + BigInt(Buffer.byteLength(stream));
      return { kind: 'deleted', position };
    }
    if (current === undefined) return { kind: 'deleted', position: undefined };
    this.truncatedBefore.set(stream, existing.length);
    const metadata = Buffer.from(JSON.stringify({ $tb: existing.length }), 'utf8');
    const truncation: ProposedEvent = {
      eventId: randomUUID(),
      type: '$metadata',
      contentType: 'application/json',
      data: metadata,
      customMetadata: new Uint8Array(),
    };
    const outcome = this.append(`$$${stream}`, [truncation], { kind: 'any' });
    return { kind: 'deleted', position: outcome.kind === 'written' ? outcome.position : undefined };
  }

  private accepts(current: number | undefined, expected: ExpectedStreamState): boolean {
    switch (expected.kind) {
      case 'any':
        return true;
      case 'no-stream':
        return current === undefined;
      case 'stream-exists':
        return current !== undefined;
      case 'revision':
        return current === expected.revision;
    }
  }

  /**
   * The records an append would duplicate, when it replays a write that already happened: the
   * same event ids, in order, at the place the expected state points to (EventStoreDB's
   * idempotent write check).
   */
  private replayedRecords(
    existing: ReadonlyArray<LogRecord>,
    events: ReadonlyArray<ProposedEvent>,
    expected: ExpectedStreamState,
  ): ReadonlyArray<LogRecord> | undefined {
    const first = events[0];
    if (first === undefined) return undefined;
    const start =
      expected.kind === 'revision'
        ? expected.revision + 1
        : expected.kind === 'no-stream'
          ? 0
          : existing.findIndex((record) => record.eventId === first.eventId);
    if (start < 0 || start + events.length > existing.length) return undefined;
    const candidates = existing.slice(start, start + events.length);
    return candidates.every((record, index) => record.eventId === events[index]?.eventId) ? candidates : undefined;
  }
}
