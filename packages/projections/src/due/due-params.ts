import * as t from 'io-ts';
import { TimelineStatus } from '../timeline/timeline.view';

const STATUSES: ReadonlyArray<TimelineStatus> = TimelineStatus.values;
const STATUS_LIST = new RegExp(`^(?:${STATUSES.join('|')})(?:,(?:${STATUSES.join('|')}))*$`);
const DAYS = /^\d{1,5}$/;

/**
 * A text parameter checked against one pattern: it decodes to the text itself, and carries the
 * pattern so the OpenAPI document says it.
 */
const textParam = (name: string, pattern: RegExp, expected: (given: unknown) => string) =>
  Object.assign(
    new t.Type<string, string, unknown>(
      name,
      (u): u is string => typeof u === 'string' && pattern.test(u),
      (u, c) => (typeof u === 'string' && pattern.test(u) ? t.success(u) : t.failure(u, c, expected(u))),
      (s) => s,
    ),
    { pattern },
  );

const EXPECTED_STATUSES = `expected statuses separated by commas, each one of ${STATUSES.join(', ')}`;

/** What is wrong with a status list: the entries that are no status, each named. */
const statusesRefused = (given: unknown): string => {
  if (typeof given !== 'string') return `${EXPECTED_STATUSES}, got ${typeof given}`;
  const unknown = given.split(',').filter((s) => !(STATUSES as ReadonlyArray<string>).includes(s));
  return `${EXPECTED_STATUSES}; not a status: ${unknown.map((s) => JSON.stringify(s)).join(', ')}`;
};

/** The due list's statuses as a query string or a flag gives them: `overdue,due`, each one checked. */
export const DueStatusesParam = textParam('DueStatuses', STATUS_LIST, statusesRefused);

/** `within` as a query string or a flag gives it: a whole number of days, at most five digits. */
export const DueWithinParam = textParam(
  'DueWithin',
  DAYS,
  (given) =>
    `expected a non-negative whole number of days (at most 5 digits), got ${typeof given === 'string' ? JSON.stringify(given) : typeof given}`,
);

/** The statuses of a checked `DueStatusesParam`, each once, in the order given. */
export const dueStatusesOf = (param: string): TimelineStatus[] => [...new Set(param.split(',') as TimelineStatus[])];

/** The days of a checked `DueWithinParam`. */
export const dueWithinOf = (param: string): number => Number(param);
