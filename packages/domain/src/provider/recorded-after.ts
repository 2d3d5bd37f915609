/**
 * Rule 2: things are recorded after they happen, so a command cannot say something happened
 * on a day that had not begun when it was issued. `issuedAt` is an instant but the dates a
 * command carries are local, and local dates east of Greenwich run ahead of UTC: the UTC date
 * of `issuedAt` plus one day is the latest date accepted.
 */
const DAY_MS = 86_400_000;
/** Dates are four-digit years; past this day, every date has already happened. */
const LAST_DAY_MS = Date.UTC(9999, 11, 31);

/** The latest local date a command issued at `issuedAt` may say something happened on. */
export const latestRecordableDate = (issuedAt: string): string | undefined => {
  const issued = Date.parse(issuedAt);
  // An unreadable instant vouches for no date at all (decoded metadata never holds one).
  if (Number.isNaN(issued)) return undefined;
  return new Date(Math.min(issued + DAY_MS, LAST_DAY_MS)).toISOString().slice(0, 10);
};

/** True when `date` (`YYYY-MM-DD`) could already have happened when the command was issued. */
export const isRecordable = (date: string, issuedAt: string): boolean => {
  const latest = latestRecordableDate(issuedAt);
  return latest !== undefined && date <= latest;
};
