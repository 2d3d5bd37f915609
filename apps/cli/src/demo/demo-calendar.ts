/**
 * Days and instants as plain numbers: a million events' worth of date arithmetic stays
 * integer arithmetic, and dates are turned into `YYYY-MM-DD` text only when written.
 */

/** Days since 1970-01-01. */
export type Day = number;

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1_440;

export const dayOf = (date: string): Day => Date.parse(`${date}T00:00:00.000Z`) / MS_PER_DAY;

// A program year touches a few hundred distinct days; each is formatted once.
const dates = new Map<Day, string>();
const months = new Map<Day, number>();

export const dateOf = (day: Day): string => {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
};

/** 1970-01-01 was a Thursday; 0 is Sunday, 6 Saturday. */
const weekdayOf = (day: Day): number => (day + 4) % 7;

const isWeekday = (day: Day): boolean => {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
};

/** The first weekday on or after `day`. */
export const weekdayFrom = (day: Day): Day => {
  let current = day;
  while (!isWeekday(current)) current++;
  return current;
};

const weekdaysBetween = (from: Day, to: Day): Day[] => {
  const days: Day[] = [];
  for (let day = from; day <= to; day++) if (isWeekday(day)) days.push(day);
  return days;
};

/** An instant, in milliseconds since the epoch, at a minute (and second) of a day, UTC. */
export const instantAt = (day: Day, minuteOfDay: number, second = 0): number =>
  day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE + second * MS_PER_SECOND;

export const dayOfInstant = (at: number): Day => Math.floor(at / MS_PER_DAY);

const TIMES_OF_DAY = Array.from(
  { length: MINUTES_PER_DAY },
  (_, minute) => `T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:`,
);
const SECONDS = Array.from({ length: 60 }, (_, second) => `${String(second).padStart(2, '0')}.000Z`);

/** ISO-8601 in UTC with milliseconds; demo instants fall on whole seconds, so they are assembled from cached parts. */
export const isoInstant = (at: number): string => {
  const day = Math.floor(at / MS_PER_DAY);
  const second = (at - day * MS_PER_DAY) / MS_PER_SECOND;
  return Number.isInteger(second)
    ? dateOf(day) + TIMES_OF_DAY[Math.floor(second / 60)]! + SECONDS[second % 60]!
    : new Date(at).toISOString();
};

/** A month as one integer (year × 12 + month index), so months compare and step as numbers. */
export const monthNumberOfDay = (day: Day): number => {
  let month = months.get(day);
  if (month === undefined) {
    const date = new Date(day * MS_PER_DAY);
    month = date.getUTCFullYear() * 12 + date.getUTCMonth();
    months.set(day, month);
  }
  return month;
};

export const monthNumberOfInstant = (at: number): number => monthNumberOfDay(dayOfInstant(at));

export interface DemoMonth {
  readonly number: number;
  /** `YYYY-MM`. */
  readonly key: string;
  readonly first: Day;
  readonly last: Day;
  readonly weekdays: ReadonlyArray<Day>;
}

export const demoMonth = (number: number): DemoMonth => {
  const year = Math.floor(number / 12);
  const monthIndex = number % 12;
  const first = Date.UTC(year, monthIndex, 1) / MS_PER_DAY;
  const last = Date.UTC(year, monthIndex + 1, 1) / MS_PER_DAY - 1;
  return {
    number,
    key: `${year}-${String(monthIndex + 1).padStart(2, '0')}`,
    first,
    last,
    weekdays: weekdaysBetween(first, last),
  };
};

/** A weekday of the month between two days of the month, both included (clamped to the month). */
export const weekdaysOfMonthBetween = (month: DemoMonth, fromDayOfMonth: number, toDayOfMonth: number): Day[] =>
  month.weekdays.filter((day) => day >= month.first + fromDayOfMonth - 1 && day <= month.first + toDayOfMonth - 1);
