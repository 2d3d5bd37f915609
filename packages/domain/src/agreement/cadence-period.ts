import { Cadence } from './agreement-drafted';

/** The optimal cycle the agreement names first: every two weeks. */
export const TWO_WEEKS_DAYS = 14;

/**
 * A month is judged by its longest length, so that a cycle a month is never late merely because
 * the month it fell in was short.
 */
const MONTH_DAYS = 31;

const UNIT_DAYS = new Map<string, number>([
  ['day', 1],
  ['week', 7],
  ['month', MONTH_DAYS],
]);

const NUMBER_WORDS = new Map<string, number>(
  ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map((word, i) => [
    word,
    i + 1,
  ]),
);

/** Periods said in one word; "biweekly" is left out on purpose: it is read both as twice a week and as every two. */
const ONE_WORD_PERIODS = new Map<string, number>([
  ['daily', 1],
  ['weekly', 7],
  ['fortnightly', TWO_WEEKS_DAYS],
  ['monthly', MONTH_DAYS],
]);

const countOf = (word: string): number | undefined => {
  if (/^[0-9]{1,3}$/.test(word)) return Number(word);
  if (word === 'other') return 2;
  return NUMBER_WORDS.get(word);
};

/** "Every three weeks.", "every-3-weeks" and "Every  3 Weeks" are one cadence. */
const normalized = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();

const PERIOD = /^(?:once )?every (?:(\S+) )?(day|week|month)s?$/;
const ONCE_A = /^once (?:a|per) (day|week|month)$/;

/**
 * The days a cycle may take by a stated cadence: every two weeks, or another cadence whose words
 * state a period ("every three weeks", "weekly", "monthly", "every 10 days", "once a month").
 * Undefined when the words give no period ("as the coachee's schedule allows", "biweekly"): such a
 * cadence is recorded as stated and not judged.
 */
export const cadencePeriodDays = (cadence: Cadence): number | undefined => {
  if (cadence === 'every-two-weeks') return TWO_WEEKS_DAYS;
  const text = normalized(cadence.other);
  const oneWord = ONE_WORD_PERIODS.get(text);
  if (oneWord !== undefined) return oneWord;
  const once = ONCE_A.exec(text);
  if (once) return UNIT_DAYS.get(once[1]!);
  const period = PERIOD.exec(text);
  if (!period) return undefined;
  const count = period[1] === undefined ? 1 : countOf(period[1]);
  // "every 0 days" or "every few weeks" states no period.
  if (count === undefined || count < 1) return undefined;
  return count * UNIT_DAYS.get(period[2]!)!;
};
