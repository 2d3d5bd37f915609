import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { invalid } from '../kernel/domain-error';
import { ASQ_SE2_AGE_INTERVALS } from './asq-se2-age-interval';
import { AsqSe2Zone } from './asq-se2-scored';
import { AsqSe2CutoffTable, decodeAsqSe2CutoffTable, zoneFor } from './asq-se2-zone';

/** Made-up numbers for the tests only; the publisher’s real table is configuration. */
const table: AsqSe2CutoffTable = {
  intervals: [
    { ageIntervalMonths: 6, monitoringFrom: 21, cutoff: 33 },
    { ageIntervalMonths: 24, monitoringFrom: 101, cutoff: 117 },
  ],
};

const rank = (zone: AsqSe2Zone): number => AsqSe2Zone.values.indexOf(zone);

describe('zoneFor', () => {
  it.each([
    [0, 'below-cutoff'],
    [100, 'below-cutoff'],
    [101, 'monitoring'],
    [117, 'monitoring'],
    [118, 'above-cutoff'],
    [400, 'above-cutoff'],
  ] as const)('places %i at 24 months in %s', (score, zone) =>
    expect(zoneFor(table, 24, score)).toEqual(E.right(zone)),
  );

  it('reads the interval asked for, not another', () =>
    expect(zoneFor(table, 6, 101)).toEqual(E.right('above-cutoff')));

  it('monitors only the cutoff score itself when the monitoring zone starts at the cutoff', () => {
    const narrow: AsqSe2CutoffTable = { intervals: [{ ageIntervalMonths: 12, monitoringFrom: 9, cutoff: 9 }] };
    expect([8, 9, 10].map((score) => zoneFor(narrow, 12, score))).toEqual([
      E.right('below-cutoff'),
      E.right('monitoring'),
      E.right('above-cutoff'),
    ]);
  });

  it('refuses an interval missing from the table', () =>
    expect(zoneFor(table, 36, 10)).toMatchObject(
      E.left({ code: 'asq-se2-interval-not-in-cutoff-table', errors: [{ path: 'data.ageIntervalMonths' }] }),
    ));

  it('never lowers the zone as the score rises', () => {
    const interval = fc
      .tuple(
        fc.constantFrom(...ASQ_SE2_AGE_INTERVALS),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
      )
      .map(([ageIntervalMonths, a, b]) => ({
        ageIntervalMonths,
        monitoringFrom: Math.min(a, b),
        cutoff: Math.max(a, b),
      }));
    fc.assert(
      fc.property(interval, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (entry, x, y) => {
        const generated: AsqSe2CutoffTable = { intervals: [entry] };
        const [low, high] = [Math.min(x, y), Math.max(x, y)];
        const lowZone = zoneFor(generated, entry.ageIntervalMonths, low);
        const highZone = zoneFor(generated, entry.ageIntervalMonths, high);
        expect(E.isRight(lowZone) && E.isRight(highZone)).toBe(true);
        if (E.isRight(lowZone) && E.isRight(highZone))
          expect(rank(lowZone.right)).toBeLessThanOrEqual(rank(highZone.right));
      }),
    );
  });
});

describe('decodeAsqSe2CutoffTable', () => {
  it('reads a consistent table', () => expect(decodeAsqSe2CutoffTable(table)).toEqual(E.right(table)));

  it('refuses a table without intervals', () =>
    expect(decodeAsqSe2CutoffTable({ intervals: [] })).toMatchObject(
      E.left({ code: 'invalid', errors: [{ path: 'intervals' }] }),
    ));

  it('refuses an interval the instrument does not have', () =>
    expect(
      decodeAsqSe2CutoffTable({ intervals: [{ ageIntervalMonths: 9, monitoringFrom: 1, cutoff: 2 }] }),
    ).toMatchObject(E.left({ code: 'invalid', errors: [{ path: 'intervals.0.ageIntervalMonths' }] })));

  it('refuses a monitoring zone starting above the cutoff and an interval given twice, naming both', () =>
    expect(
      decodeAsqSe2CutoffTable({
        intervals: [...table.intervals, { ageIntervalMonths: 6, monitoringFrom: 40, cutoff: 30 }],
      }),
    ).toMatchObject(
      E.left({
        code: 'inconsistent-asq-se2-cutoff-table',
        errors: [{ path: 'intervals.2.monitoringFrom' }, { path: 'intervals.2.ageIntervalMonths' }],
      }),
    ));

  it('reads a monitoring zone one point wide, starting at the cutoff itself', () => {
    const narrow = { intervals: [{ ageIntervalMonths: 12, monitoringFrom: 9, cutoff: 9 }] };
    expect(decodeAsqSe2CutoffTable(narrow)).toEqual(E.right(narrow));
  });

  it('refuses a monitoring zone starting one point above the cutoff, saying why', () =>
    expect(decodeAsqSe2CutoffTable({ intervals: [{ ageIntervalMonths: 12, monitoringFrom: 10, cutoff: 9 }] })).toEqual(
      E.left(
        invalid(
          'inconsistent-asq-se2-cutoff-table',
          'ASQ-SE2 cutoff table is inconsistent: intervals.0.monitoringFrom',
          [{ path: 'intervals.0.monitoringFrom', message: 'the monitoring zone starts above the cutoff (9)' }],
        ),
      ),
    ));

  it('names every faulty entry in its message, in table order, and no sound one', () =>
    expect(
      decodeAsqSe2CutoffTable({
        intervals: [
          { ageIntervalMonths: 6, monitoringFrom: 40, cutoff: 30 },
          { ageIntervalMonths: 12, monitoringFrom: 10, cutoff: 20 },
          { ageIntervalMonths: 6, monitoringFrom: 10, cutoff: 20 },
          { ageIntervalMonths: 12, monitoringFrom: 30, cutoff: 20 },
        ],
      }),
    ).toEqual(
      E.left(
        invalid(
          'inconsistent-asq-se2-cutoff-table',
          'ASQ-SE2 cutoff table is inconsistent: intervals.0.monitoringFrom, intervals.2.ageIntervalMonths, intervals.3.monitoringFrom, intervals.3.ageIntervalMonths',
          [
            { path: 'intervals.0.monitoringFrom', message: 'the monitoring zone starts above the cutoff (30)' },
            { path: 'intervals.2.ageIntervalMonths', message: 'the 6-month interval is given twice' },
            { path: 'intervals.3.monitoringFrom', message: 'the monitoring zone starts above the cutoff (20)' },
            { path: 'intervals.3.ageIntervalMonths', message: 'the 12-month interval is given twice' },
          ],
        ),
      ),
    ));

  it('accepts any table whose zones start at or below their cutoffs, one entry per interval', () =>
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...ASQ_SE2_AGE_INTERVALS], { minLength: 1 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })), {
          minLength: ASQ_SE2_AGE_INTERVALS.length,
          maxLength: ASQ_SE2_AGE_INTERVALS.length,
        }),
        (intervals, bounds) => {
          const generated = {
            intervals: intervals.map((ageIntervalMonths, i) => {
              const [a, b] = bounds[i]!;
              return { ageIntervalMonths, monitoringFrom: Math.min(a, b), cutoff: Math.max(a, b) };
            }),
          };
          expect(decodeAsqSe2CutoffTable(generated)).toEqual(E.right(generated));
        },
      ),
    ));
});
