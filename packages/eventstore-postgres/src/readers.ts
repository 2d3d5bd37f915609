import type {
  LatestPassedOver,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  TypedPage,
  TypedPagesOptions,
} from '@coachline/eventstore';
import { toStoredEvent, type EventRecord } from './event-rows';
import type { SqlQueryable } from './sql-client';
import type { Statements } from './statements';

export const DEFAULT_PAGE_SIZE = 1_000;
/**
 * The most rows one page of the global order fetches, whatever page size is asked for. Two pages are
 * alive at once (the one handed out, the one fetched ahead); past a few thousand events they outgrow
 * the young generation and every event is copied into the old one, which cost more than the reading
 * (pages of 10,000 took about twice the CPU per event of pages of 2,500).
 */
export const MAX_READ_ALL_PAGE = 2_000;
const MAX_REVISION = 2_147_483_647;

const pageSizeOf = (requested: number | undefined): number => {
  if (requested === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(requested) || requested < 1)
    throw new RangeError(`Page size must be a positive integer, got ${requested}.`);
  return requested;
};

/** A page fetched ahead of need; a failure stays silent until (unless) the page is awaited. */
const ahead = <T>(fetch: Promise<T>): Promise<T> => {
  fetch.catch(() => undefined);
  return fetch;
};

/**
 * Keyset pages over the global order. The next page is fetched while the caller handles the current
 * one; at most two pages are in memory whatever the size of the history.
 */
export async function* readAllPages(
  queryable: SqlQueryable,
  statements: Statements,
  options: ReadAllOptions = {},
): AsyncGenerator<StoredEvent> {
  const limit = Math.min(pageSizeOf(options.batchSize), MAX_READ_ALL_PAGE);
  if (options.types !== undefined && options.types.length === 0) return;
  const fetchPage = (after: number) => {
    const { text, params } = statements.readAllPage({
      after,
      limit,
      types: options.types,
      streamPrefix: options.streamPrefix,
    });
    return ahead(queryable.query<EventRecord>(text, params));
  };
  let next: Promise<EventRecord[]> | undefined = fetchPage(options.after ?? 0);
  while (next !== undefined) {
    const rows: EventRecord[] = await next;
    const last = rows[rows.length - 1];
    next = last !== undefined && rows.length === limit ? fetchPage(last.position) : undefined;
    for (const row of rows) yield toStoredEvent(row);
  }
}

/**
 * Spans fetched ahead of the one handed out, so that the fold seldom waits on the server: with two
 * ahead a rebuild still waited on pages for a fifth of its time. Two statements a span, so at most
 * six at once, which leaves most of a pool of ten to the writers; a few MB of rows.
 */
const TYPED_SPANS_AHEAD = 3;

/**
 * The events of some types up to a committed position, in spans of at most
 * MAX_READ_ALL_PAGE positions (so at most that many rows a page), each with the latest recorded of
 * the events it passed over. Both statements of a span run at once, and further spans are
 * fetched while the caller handles the current one.
 */
export async function* readTypedPages(
  queryable: SqlQueryable,
  statements: Statements,
  options: TypedPagesOptions,
): AsyncGenerator<TypedPage> {
  const span = Math.min(pageSizeOf(options.batchSize), MAX_READ_ALL_PAGE);
  const types = [...options.types];
  const fetchSpan = (after: number, upTo: number): Promise<TypedPage> =>
    ahead(
      Promise.all([
        types.length === 0
          ? Promise.resolve([])
          : queryable.query<EventRecord>(statements.readTypedSpan, [after, upTo, types]),
        queryable.query<{ position: number; recorded_as: string }>(statements.latestPassedOver, [after, upTo, types]),
      ]).then(([rows, [latest]]) => pageOf(rows, upTo, latest)),
    );
  const pending: Promise<TypedPage>[] = [];
  let fetchedTo = options.after;
  const fetchAhead = () => {
    while (pending.length < TYPED_SPANS_AHEAD && fetchedTo < options.upTo) {
      const upTo = Math.min(options.upTo, fetchedTo + span);
      pending.push(fetchSpan(fetchedTo, upTo));
      fetchedTo = upTo;
    }
  };
  fetchAhead();
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const page = await next;
    fetchAhead();
    yield page;
  }
}

const pageOf = (
  rows: ReadonlyArray<EventRecord>,
  upTo: number,
  latest: { position: number; recorded_as: string } | undefined,
): TypedPage => {
  const events = rows.map(toStoredEvent);
  if (latest === undefined) return { events, upTo };
  const latestPassedOver: LatestPassedOver = { recordedAt: latest.recorded_as, position: latest.position };
  return { events, upTo, latestPassedOver };
};

/** A stream's events in pages, forwards from `from` (default 0) or backwards from `from` (default the end). */
export async function* readStreamPages(
  queryable: SqlQueryable,
  statements: Statements,
  stream: string,
  options: ReadStreamOptions = {},
  pageSize: number = DEFAULT_PAGE_SIZE,
): AsyncGenerator<StoredEvent> {
  const backwards = options.direction === 'backwards';
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  let from = Math.min(MAX_REVISION, Math.max(0, options.from ?? (backwards ? MAX_REVISION : 0)));
  const text = backwards ? statements.readStreamBackwards : statements.readStreamForwards;
  while (remaining > 0 && from >= 0) {
    const limit = Math.min(pageSize, remaining);
    const rows = await queryable.query<EventRecord>(text, [stream, from, limit]);
    for (const row of rows) yield toStoredEvent(row);
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < limit) return;
    remaining -= rows.length;
    from = backwards ? last.revision - 1 : last.revision + 1;
  }
}
