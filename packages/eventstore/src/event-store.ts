/**
 * The event store port. Every adapter (in-memory, PostgreSQL, PGlite, EventStoreDB) passes the
 * same contract suite (`@coachline/eventstore/testing`), so the rest of Coachline never knows
 * which one it runs on.
 */

import type { EventIntegrity } from './integrity/event-hash';

/** What the writer expects of the stream: that it does not exist, anything, or its exact revision. */
export type ExpectedRevision = 'no-stream' | 'any' | number;

/** An event to append. `data` and `metadata` are JSON values; the domain has already checked them. */
export interface EventToAppend {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadataJson;
}

/** The metadata every Coachline event carries (see the domain's EventMetadata codec). */
export interface EventMetadataJson {
  readonly actor: { readonly id: string; readonly role: string };
  readonly recordedAt: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly [key: string]: unknown;
}

/** An event read back: where it sits in its stream (0-based revision) and in the global order. */
export interface StoredEvent extends EventToAppend {
  readonly stream: string;
  /** 0-based position of the event within its stream. */
  readonly revision: number;
  /** Position in the store's single global order; strictly increasing in read order, starting at 1. */
  readonly position: number;
  /** The event's place in the store's hash chain; absent from stores that keep none (EventStoreDB). */
  readonly integrity?: EventIntegrity;
}

export interface AppendResult {
  /** The stream's revision after the append (the revision of its last event). */
  readonly nextRevision: number;
  /** The global position of the last event appended. */
  readonly lastPosition: number;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive); with `backwards`, the revision to read down from. */
  readonly from?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events whose position is greater than this one (0, the default, reads everything). */
  readonly after?: number;
  readonly types?: ReadonlyArray<string>;
  readonly streamPrefix?: string;
  /** Page size adapters use under the hood; memory stays flat whatever the history size. */
  readonly batchSize?: number;
}

export type EventHandler = (event: StoredEvent) => Promise<void> | void;

export interface SubscribeOptions extends Pick<ReadAllOptions, 'types' | 'streamPrefix'> {
  /** Called with a handler's error; the subscription stops after it. */
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves once every event stored when the subscription started has been handled. */
  readonly caughtUp: Promise<void>;
  /** Stops delivery; resolves when no handler call is in flight any more. */
  stop(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically: all events or none. Throws `RevisionConflictError` when the stream is
   * not at `expected`, and appends nothing then.
   */
  append(stream: string, events: ReadonlyArray<EventToAppend>, expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events; an empty iteration for a stream that does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  /** The revision of the stream's last event, or `undefined` when the stream does not exist. */
  streamRevision(stream: string): Promise<number | undefined>;
  /** Every event in global order, filtered and paged. */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  /** Catch-up from `after`, then live: each event exactly once, in global order. */
  subscribe(after: number, handler: EventHandler, options?: SubscribeOptions): Subscription;
  /** The position of the last event stored, 0 for an empty store. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}
