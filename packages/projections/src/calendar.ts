const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant: the day a view's "today" is, as of that moment. */
export const dayOf = (instant: string): string => instant.slice(0, 10);

const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** Whole days from one calendar date to a later one (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
