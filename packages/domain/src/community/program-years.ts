/** The span of a community's program year, both ends included. */
export interface ProgramYearSpan {
  readonly programYearId: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

/** A leap year holds 366 days; no program year may be longer. */
export const MAX_PROGRAM_YEAR_DAYS = 366;

const dayNumber = (date: string): number => {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1) / 86_400_000;
};

/** How many calendar days a span covers, counting its first and last day. */
export const daysCovered = (startsOn: string, endsOn: string): number => dayNumber(endsOn) - dayNumber(startsOn) + 1;

// LocalDates are zero-padded YYYY-MM-DD, so comparing them as strings compares them as dates.
/** Whether a date falls within a program year, both ends included. */
export const programYearContains = (year: ProgramYearSpan, date: string): boolean =>
  year.startsOn <= date && date <= year.endsOn;

type Span = Pick<ProgramYearSpan, 'startsOn' | 'endsOn'>;

/** Whether two program years share a day: a community's years must not. */
export const programYearsOverlap = (a: Span, b: Span): boolean => a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

/** The program year a date falls in, if any: records are counted in the year of their date. */
export const programYearContaining = (
  years: ReadonlyArray<ProgramYearSpan>,
  date: string,
): ProgramYearSpan | undefined => years.find((year) => programYearContains(year, date));
