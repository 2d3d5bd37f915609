import { endOfDay } from '@coachline/domain';

/**
 * The moment a working view (the timeline, the due list, the caseload) is measured on when the
 * reader names none: today by the server's clock, read as a date is everywhere — the end of the
 * UTC day — so every reader of a day sees the same statuses, and a requirement turns overdue when
 * the calendar says so, not when someone next writes. An audit replay of a file keeps the newest
 * `recordedAt` instead (the command line's `--as-of` default), so it always gives the same answer.
 */
export const workingAsOf = (asOf: string | undefined, now: Date): string =>
  asOf ?? endOfDay(now.toISOString().slice(0, 10));
