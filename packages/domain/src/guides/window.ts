import { LocalDate, Month } from '../kernel/primitives';
import { CalendarMonth, RequirementWindow } from './program-guide';

/** A span of days, both ends included. Empty when `from` is after `to`. */
export interface DateWindow {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** The days a requirement's window is resolved against. */
export interface WindowFrame {
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly enrolledOn?: LocalDate;
}

const DAY_MS = 86_400_000;

const parts = (date: LocalDate): [number, number, number] => [
  Number(date.slice(0, 4)),
  Number(date.slice(5, 7)),
  Number(date.slice(8, 10)),
];

const fromUtc = (ms: number): LocalDate => new Date(ms).toISOString().slice(0, 10);

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const addDays = (date: LocalDate, days: number): LocalDate => {
  const [y, m, d] = parts(date);
  return fromUtc(Date.UTC(y, m - 1, d) + days * DAY_MS);
};

/** Whole days from `from` to `to`: negative when `to` is earlier. */
export const daysBetween = (from: LocalDate, to: LocalDate): number => {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
};

/** Same day of a later month, or that month's last day when it is shorter (Jan 31 + 1 = Feb 28). */
export const addMonths = (date: LocalDate, months: number): LocalDate => {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return fromUtc(Date.UTC(year, month - 1, Math.min(d, daysInMonth(year, month))));
};

export const monthOf = (date: LocalDate): Month => date.slice(0, 7);

export const firstDayOf = (month: Month): LocalDate => `${month}-01`;

export const lastDayOf = (month: Month): LocalDate => {
  const [y, m] = parts(`${month}-01`);
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
};

export const laterOf = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);
export const earlierOf = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);

export const isEmpty = (window: DateWindow): boolean => window.from > window.to;

/** The calendar months a window touches, in order. */
export const monthsOf = (window: DateWindow): Month[] => {
  const months: Month[] = [];
  if (isEmpty(window)) return months;
  for (let month = monthOf(window.from); month <= monthOf(window.to); month = monthOf(addMonths(firstDayOf(month), 1)))
    months.push(month);
  return months;
};

/** The part of a calendar month that lies within a window. */
export const monthWithin = (month: Month, window: DateWindow): DateWindow => ({
  from: laterOf(firstDayOf(month), window.from),
  to: earlierOf(lastDayOf(month), window.to),
});

/**
 * The dates of a requirement's window for one program year. Months are counted from the
 * anchor's own day, so a provider enrolled on September 15 has until November 14 for
 * "within the first two months", as one enrolled on July 1 has until August 31.
 */
export const resolveWindow = (window: RequirementWindow, frame: WindowFrame): DateWindow => {
  const anchor =
    window.anchor === 'enrollment' ? laterOf(frame.startsOn, frame.enrolledOn ?? frame.startsOn) : frame.startsOn;
  const from = addMonths(anchor, window.fromMonth ?? 0);
  const to =
    window.throughMonth === undefined
      ? frame.endsOn
      : earlierOf(frame.endsOn, addDays(addMonths(anchor, window.throughMonth + 1), -1));
  return { from, to };
};

/** The months of a window that carry the suggested month names, as YYYY-MM. */
export const suggestedMonthsWithin = (names: ReadonlyArray<CalendarMonth>, window: DateWindow): Month[] =>
  monthsOf(window).filter((month) => names.includes(CalendarMonth.values[Number(month.slice(5, 7)) - 1]!));
