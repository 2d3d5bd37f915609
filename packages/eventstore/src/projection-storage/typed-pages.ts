import type { EventStore, StoredEvent } from '../event-store';

/** The event, among those a page passed over, recorded latest: the first one at that instant. */
export interface LatestPassedOver {
  readonly recordedAt: string;
  readonly position: number;
}

/**
 * The events of the types asked for in a span of the global order, and what a fold needs of the
 * others in that span: every view's default as-of moment is the latest `recordedAt` of the whole
 * history, not only of the events it reads.
 */
export interface TypedPage {
  /** The events of the types asked for, in global order. */
  readonly events: ReadonlyArray<StoredEvent>;
  /** Every event of those types at or before this position is in this page or an earlier one. */
  readonly upTo: number;
  /** The latest recorded of the other events of the span, when the span held one with an instant. */
  readonly latestPassedOver?: LatestPassedOver;
}

export interface TypedPagesOptions {
  /** Read events after this position ... */
  readonly after: number;
  /** ... up to this one, which has committed (a head read before). */
  readonly upTo: number;
  readonly types: ReadonlyArray<string>;
  /** The span of positions a page covers; adapters cap it. */
  readonly batchSize?: number;
}

/**
 * A store that reads only the events of some types for a rebuild, so that a view reading half
 * the history does not fetch and parse the other half, yet learns how far it has read and when
 * the skipped events were recorded.
 */
export interface TypedPageReader {
  readTypedPages(options: TypedPagesOptions): AsyncIterable<TypedPage>;
}

export const readsTypedPages = (store: EventStore): store is EventStore & TypedPageReader =>
  typeof (store as Partial<TypedPageReader>).readTypedPages === 'function';
