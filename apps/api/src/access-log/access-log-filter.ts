import type { ViewRead } from './access-log';

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
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
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
