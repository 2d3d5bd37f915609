import * as E from 'fp-ts/Either';
import fc from 'fast-check';
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
  ] as const)('places %i at 24 months in %s', (score, zone) => expect(zoneFor(table, 24, score)).toEqual(E.right(zone)));

  it('reads the interval asked for, not another', () => expect(zoneFor(table, 6, 101)).toEqual(E.right('above-cutoff')));

  it('monitors only the cutoff score itself when the monitoring zone starts at the cutoff', () => {
    const narrow: AsqSe2CutoffTable = { intervals: [{ ageIntervalMonths: 12, monitoringFrom: 9, cutoff: 9 }] };
    expect([8, 9, 10].map((score) => zoneFor(narrow, 12, score))).toEqual([E.right('below-cutoff'), E.right('monitoring'), E.right('above-cutoff')]);
  });

  it('refuses an interval missing from the table', () =>
    expect(zoneFor(table, 36, 10)).toMatchObject(
      E.left({ code: 'asq-se2-interval-not-in-cutoff-table', errors: [{ path: 'data.ageIntervalMonths' }] }),
    ));

  it('never lowers the zone as the score rises', () => {
    const interval = fc
      .tuple(fc.constantFrom(...ASQ_SE2_AGE_INTERVALS), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }))
      .map(([ageIntervalMonths, a, b]) => ({ ageIntervalMonths, monitoringFrom: Math.min(a, b), cutoff: Math.max(a, b) }));
    fc.assert(
      fc.property(interval, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (entry, x, y) => {
        const generated: AsqSe2CutoffTable = { intervals: [entry] };
        const [low, high] = [Math.min(x, y), Math.max(x, y)];
        const lowZone = zoneFor(generated, entry.ageIntervalMonths, low);
        const highZone = zoneFor(generated, entry.ageIntervalMonths, high);
        expect(E.isRight(lowZone) && E.isRight(highZone)).toBe(true);
        if (E.isRight(lowZone) && E.isRight(highZone)) expect(rank(lowZone.right)).toBeLessThanOrEqual(rank(highZone.right));
      }),
    );
  });
});

describe('decodeAsqSe2CutoffTable', () => {
  it('reads a consistent table', () => expect(decodeAsqSe2CutoffTable(table)).toEqual(E.right(table)));

  it('refuses a table without intervals', () =>
    expect(decodeAsqSe2CutoffTable({ intervals: [] })).toMatchObject(E.left({ code: 'invalid', errors: [{ path: 'intervals' }] })));

  it('refuses an interval the instrument does not have', () =>
    expect(decodeAsqSe2CutoffTable({ intervals: [{ ageIntervalMonths: 9, monitoringFrom: 1, cutoff: 2 }] })).toMatchObject(
      E.left({ code: 'invalid', errors: [{ path: 'intervals.0.ageIntervalMonths' }] }),
    ));

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
});
