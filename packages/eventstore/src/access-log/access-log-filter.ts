import type { AccessLog, ViewRead } from './view-read';

/** What an auditor narrows the listing to: whose reads, about whom or what, of which view. */
export interface AccessLogFilter {
  readonly reader?: string;
  readonly subject?: string;
  readonly view?: string;
}

/** The longest span one listing covers: a month of days, each read from the log on its own. */
export const MAX_LISTED_DAYS = 31;

const DAY_MS = 86_400_000;

/** The days from `from` to `to`, both included; empty when `to` is before `from`. */
export const daysBetween = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS)
    days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
};

/** One day, or a span of days with both ends included. */
export type ListingSpan = { readonly day: string } | { readonly from: string; readonly to: string };

/**
 * The days a listing covers, from what was asked: `day`, or `from` and `to` (one of them alone is
 * a span of one day), never both; with nothing asked, `today`. A span that runs backwards or is
 * longer than a month is refused with the reason as text.
 */
export const listingSpan = (
  asked: { day?: string; from?: string; to?: string },
  today: string,
): { span: ListingSpan } | { refused: string } => {
  if (asked.from === undefined && asked.to === undefined) return { span: { day: asked.day ?? today } };
  if (asked.day !== undefined) return { refused: 'ask for one day (day) or a span (from, to), not both' };
  const from = asked.from ?? asked.to!;
  const to = asked.to ?? asked.from!;
  const days = daysBetween(from, to).length;
  if (days === 0) return { refused: `from (${from}) is after to (${to})` };
  if (days > MAX_LISTED_DAYS) return { refused: `a listing covers at most ${MAX_LISTED_DAYS} days, asked for ${days}` };
  return { span: { from, to } };
};

/**
 * A read is about a subject when it asked for it by provider, community or stream: a provider's
 * reads include those of the provider's own stream (`provider-p-017`).
 */
const isAbout = (read: ViewRead, subject: string): boolean =>
  Object.values(read.query).some((asked) => asked === subject || asked === `provider-${subject}`);

export const matches = (read: ViewRead, filter: AccessLogFilter): boolean =>
  (filter.reader === undefined || read.actor.id === filter.reader) &&
  (filter.view === undefined || read.view === filter.view) &&
  (filter.subject === undefined || isAbout(read, filter.subject));

/** The reads of a span that meet the filter, day by day, in the order recorded. */
export const listReads = async (
  log: AccessLog,
  span: ListingSpan,
  filter: AccessLogFilter = {},
): Promise<ViewRead[]> => {
  const reads: ViewRead[] = [];
  const [from, to] = 'day' in span ? [span.day, span.day] : [span.from, span.to];
  for (const day of daysBetween(from, to))
    reads.push(...(await log.readDay(day)).filter((read) => matches(read, filter)));
  return reads;
};
