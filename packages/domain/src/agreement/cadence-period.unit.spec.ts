import fc from 'fast-check';
import { cadencePeriodDays } from './cadence-period';

const other = (text: string) => ({ other: text });
const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const UNITS = [
  ['day', 1],
  ['week', 7],
  ['month', 31],
] as const;

/** The same words as a coach might type them: any case, hyphens for spaces, a full stop. */
const spelt = (text: string) =>
  fc
    .tuple(fc.boolean(), fc.boolean(), fc.boolean())
    .map(([upper, hyphens, stop]) =>
      `${upper ? text.toUpperCase() : text}${stop ? '.' : ''}`.replace(/ /g, hyphens ? '-' : ' '),
    );

describe('the days a cadence gives a cycle', () => {
  it('gives two weeks to the optimal cadence', () => expect(cadencePeriodDays('every-two-weeks')).toBe(14));

  it.each([
    ['every three weeks', 21],
    ['weekly', 7],
    ['monthly', 31],
    ['fortnightly', 14],
    ['every other week', 14],
    ['every 10 days', 10],
    ['once a month', 31],
    ['once every 3 weeks', 21],
    ['every week', 7],
  ])('judges "%s" by %i days', (text, days) => expect(cadencePeriodDays(other(text))).toBe(days));

  it.each([
    'as the coachee’s schedule allows',
    'biweekly',
    'every few weeks',
    'every 0 days',
    'twice a month',
    'every three weeks or so',
    '',
  ])('states no period in "%s": not judged', (text) => expect(cadencePeriodDays(other(text))).toBeUndefined());

  it('judges "every N weeks/days/months", in digits or words, however spelt, by N times the unit', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(...UNITS),
        fc.boolean(),
        fc.boolean(),
        (n, [unit, days], inWords, plural) =>
          fc.assert(
            fc.property(spelt(`every ${inWords ? WORDS[n - 1] : n} ${unit}${plural || n > 1 ? 's' : ''}`), (text) =>
              expect(cadencePeriodDays(other(text))).toBe(n * days),
            ),
            { numRuns: 5 },
          ),
      ),
    ));

  it('judges any count of up to three digits, and a longer period is never fewer days', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 998 }), fc.constantFrom(...UNITS), (n, [unit, days]) => {
        const period = cadencePeriodDays(other(`every ${n} ${unit}s`))!;
        expect(period).toBe(n * days);
        expect(cadencePeriodDays(other(`every ${n + 1} ${unit}s`))!).toBeGreaterThan(period);
      }),
    ));

  it('gives no period to words that name no unit of time', () =>
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/day|week|month|daily|fortnight/i.test(s)),
        (text) => expect(cadencePeriodDays(other(text))).toBeUndefined(),
      ),
    ));
});
