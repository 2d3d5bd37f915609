import type { Actor } from '@coachline/domain';

/** A read of a confidential view (history, evaluation): who read what, and when. */
export interface ViewRead {
  readonly id: string;
  readonly at: string;
  readonly actor: Actor;
  readonly view: string;
  /** What the reader asked for: stream, provider, community, as-of moment. */
  readonly query: Readonly<Record<string, string>>;
  readonly correlationId: string;
}

/**
 * Append-only record of reads. It lives beside the event store, never in it: the domain's
 * history holds the program's facts only, and exports and replays must not meet `ViewRead`s.
 */
export interface AccessLog {
  record(read: ViewRead): Promise<void>;
  /** The reads of one UTC day (`YYYY-MM-DD`), in the order they were recorded. */
  readDay(day: string): Promise<ReadonlyArray<ViewRead>>;
  close(): Promise<void>;
}

/** The log could not take the record: the read it belongs to is refused rather than left unrecorded. */
export class AccessLogUnavailableError extends Error {
  override readonly name = 'AccessLogUnavailableError';
}

export const dayOf = (instant: string): string => instant.slice(0, 10);
