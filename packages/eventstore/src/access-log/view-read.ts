import * as t from 'io-ts';
import { Actor, Id, ID_RULE, Instant, isId, struct } from '@coachline/domain';

const isQuery = (u: unknown): u is Readonly<Record<string, string>> =>
  typeof u === 'object' &&
  u !== null &&
  !Array.isArray(u) &&
  Object.entries(u).every(([name, value]) => isId(name) && typeof value === 'string');

/**
 * What the reader asked for (stream, provider, community, as-of moment, the file an extract went
 * to), by parameter name. io-ts's record lets any key through its check, so the names are checked
 * here: each one an id, never a name `Object.prototype` carries.
 */
const Query = new t.Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown>(
  'ViewReadQuery',
  isQuery,
  (u, c) =>
    isQuery(u) ? t.success(u) : t.failure(u, c, `expected parameter names that are each ${ID_RULE}, with text values`),
  t.identity,
);

/**
 * A read of a confidential view (history, evaluation, debriefs, an export or an extract): who
 * read what, and when. The API and the command line write the same record to the same log.
 */
export const ViewRead = struct('ViewRead', {
  id: Id,
  at: Instant,
  actor: Actor,
  view: Id,
  query: Query,
  correlationId: t.string,
});
export type ViewRead = t.TypeOf<typeof ViewRead>;

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

/** What was read back from the log is not a record of a read: the log was altered or damaged. */
export class AccessLogDamagedError extends Error {
  override readonly name = 'AccessLogDamagedError';
}

/** A record the listing could not read back is refused before it is written. */
export const ensureRecordable = (read: ViewRead): void => {
  if (!ViewRead.is(read))
    throw new AccessLogUnavailableError(
      `The access log could not record the read: it is not a record of a read (${ViewRead.name})`,
    );
};

export const dayOf = (instant: string): string => instant.slice(0, 10);

/**
 * A record read back from the log, `where` naming its place for the error. Its query comes from
 * a file or a table, so it is given back as a table: a parameter name never reaches a prototype.
 */
export const decodeViewRead = (value: unknown, where: string): ViewRead => {
  const decoded = ViewRead.decode(value);
  if (decoded._tag === 'Left') throw new AccessLogDamagedError(`${where}: not a record of a read`);
  const query: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(decoded.right.query)) query[name] = value;
  return { ...decoded.right, query };
};
