import * as t from 'io-ts';
import { isCalendarDate, Instant } from './primitives';

/** The last millisecond of a UTC day: "as of November 15" includes what was recorded on the 15th. */
export const endOfDay = (date: string): string => `${date}T23:59:59.999Z`;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const isAsOf = (u: unknown): u is string =>
  typeof u === 'string' && (DATE_ONLY.test(u) ? isCalendarDate(u) : Instant.is(u));

/**
 * The moment a reader asks a view about, as every reader gives it (a query string, a flag): an
 * ISO-8601 instant with its offset, or a calendar date alone, meaning the end of that UTC day.
 * Like every codec of the domain it decodes to its input unchanged; `instantOfAsOf` gives the
 * moment it means.
 */
export const AsOf = new t.Type<string, string, unknown>(
  'AsOf',
  isAsOf,
  (u, c) =>
    isAsOf(u)
      ? t.success(u)
      : t.failure(
          u,
          c,
          `expected a date YYYY-MM-DD or an ISO-8601 instant such as 2025-11-15T12:00:00Z, got ${JSON.stringify(u)}`,
        ),
  (a) => a,
);
export type AsOf = t.TypeOf<typeof AsOf>;

/** The UTC instant, with milliseconds, an `AsOf` means: one moment has one spelling everywhere. */
export const instantOfAsOf = (asOf: AsOf): string =>
  DATE_ONLY.test(asOf) ? endOfDay(asOf) : new Date(Date.parse(asOf)).toISOString();
