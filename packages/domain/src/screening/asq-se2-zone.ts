import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as t from 'io-ts';
import { decodeWith } from '../kernel/decode';
import { DomainError, FieldError, invalid, ruleBroken } from '../kernel/domain-error';
import { NonNegativeInteger, nonEmptyArray } from '../kernel/primitives';
import { struct } from '../kernel/struct';
import { AsqSe2AgeInterval } from './asq-se2-age-interval';
import { AsqSe2Zone } from './asq-se2-scored';

/**
 * One interval of the publisher’s cutoff table. Scores from `monitoringFrom` up to `cutoff`
 * are in the monitoring zone; scores above `cutoff` call for further assessment.
 */
export const AsqSe2CutoffInterval = struct('AsqSe2CutoffInterval', {
  ageIntervalMonths: AsqSe2AgeInterval,
  monitoringFrom: NonNegativeInteger,
  cutoff: NonNegativeInteger,
});
export type AsqSe2CutoffInterval = t.TypeOf<typeof AsqSe2CutoffInterval>;

/**
 * The cutoff table belongs to the instrument’s publisher and changes with its editions, so it
 * is loaded as configuration and never written into the code.
 */
export const AsqSe2CutoffTable = struct('AsqSe2CutoffTable', {
  intervals: nonEmptyArray(AsqSe2CutoffInterval, 'AsqSe2CutoffIntervals'),
});
export type AsqSe2CutoffTable = t.TypeOf<typeof AsqSe2CutoffTable>;

/** The faults a well-shaped table can still have: a zone upside down, an interval given twice. */
const inconsistencies = (table: AsqSe2CutoffTable): FieldError[] => {
  const seen = new Set<number>();
  return table.intervals.flatMap((interval, i) => {
    const faults: FieldError[] = [];
    if (interval.monitoringFrom > interval.cutoff)
      faults.push({
        path: `intervals.${i}.monitoringFrom`,
        message: `the monitoring zone starts above the cutoff (${interval.cutoff})`,
      });
    if (seen.has(interval.ageIntervalMonths))
      faults.push({
        path: `intervals.${i}.ageIntervalMonths`,
        message: `the ${interval.ageIntervalMonths}-month interval is given twice`,
      });
    seen.add(interval.ageIntervalMonths);
    return faults;
  });
};

/** Reads a cutoff table from configuration, reporting every wrong or inconsistent entry at once. */
export const decodeAsqSe2CutoffTable = (input: unknown): E.Either<DomainError, AsqSe2CutoffTable> =>
  pipe(
    decodeWith(AsqSe2CutoffTable, 'ASQ-SE2 cutoff table')(input),
    E.flatMap((table) => {
      const faults = inconsistencies(table);
      return faults.length === 0
        ? E.right(table)
        : E.left(
            invalid(
              'inconsistent-asq-se2-cutoff-table',
              `ASQ-SE2 cutoff table is inconsistent: ${faults.map((f) => f.path).join(', ')}`,
              faults,
            ),
          );
    }),
  );

/** The zone a score falls in for its age interval, by the table given. */
export const zoneFor = (
  table: AsqSe2CutoffTable,
  ageIntervalMonths: AsqSe2AgeInterval,
  score: number,
): E.Either<DomainError, AsqSe2Zone> => {
  const interval = table.intervals.find((entry) => entry.ageIntervalMonths === ageIntervalMonths);
  if (!interval)
    return E.left(
      ruleBroken(
        'asq-se2-interval-not-in-cutoff-table',
        `The ASQ-SE2 cutoff table has no ${ageIntervalMonths}-month interval.`,
        'data.ageIntervalMonths',
      ),
    );
  if (score > interval.cutoff) return E.right('above-cutoff');
  if (score >= interval.monitoringFrom) return E.right('monitoring');
  return E.right('below-cutoff');
};
