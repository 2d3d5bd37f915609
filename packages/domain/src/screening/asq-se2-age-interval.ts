import * as t from 'io-ts';

/** The ages, in months, at which an ASQ-SE2 questionnaire exists. */
export const ASQ_SE2_AGE_INTERVALS = [2, 6, 12, 18, 24, 30, 36, 48, 60] as const;

const allowed = new Set<unknown>(ASQ_SE2_AGE_INTERVALS);
const isAgeInterval = (u: unknown): u is (typeof ASQ_SE2_AGE_INTERVALS)[number] => allowed.has(u);

const show = (u: unknown): string => (u === undefined ? 'nothing' : (JSON.stringify(u) ?? String(u)));

/** The age of an ASQ-SE2 questionnaire in months: only ages a questionnaire exists for decode. */
export const AsqSe2AgeInterval = new t.Type<(typeof ASQ_SE2_AGE_INTERVALS)[number], number, unknown>(
  'AsqSe2AgeInterval',
  isAgeInterval,
  (u, c) =>
    isAgeInterval(u)
      ? t.success(u)
      : t.failure(
          u,
          c,
          `expected an ASQ-SE2 age interval in months, one of ${ASQ_SE2_AGE_INTERVALS.join(', ')}, got ${show(u)}`,
        ),
  (a) => a,
);
/** One of `ASQ_SE2_AGE_INTERVALS`. */
export type AsqSe2AgeInterval = t.TypeOf<typeof AsqSe2AgeInterval>;
