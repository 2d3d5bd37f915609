import fc from 'fast-check';
import { communitiesOf, effectivenessSeries, lagText, recentMonths } from './supervisor-figures';

const day = fc
  .record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}-15`);

describe('the months a report may be read for', () => {
  it('are twelve distinct months, newest first, the first the day’s own', () => {
    fc.assert(
      fc.property(day, (on) => {
        const months = recentMonths(on);
        expect(months).toHaveLength(12);
        expect(months[0]).toBe(on.slice(0, 7));
        expect(new Set(months).size).toBe(12);
        expect([...months].sort().reverse()).toEqual(months);
        for (const month of months) expect(month).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      }),
    );
  });

  it('cross into the year before in January', () => {
    expect(recentMonths('2026-01-31', 3)).toEqual(['2026-01', '2025-12', '2025-11']);
  });
});

describe('the communities of the coaches', () => {
  it('lists each once, in order', () => {
    expect(communitiesOf([{ communityId: 'ottawa' }, { communityId: 'kent' }, { communityId: 'ottawa' }])).toEqual([
      'kent',
      'ottawa',
    ]);
  });
});

describe('the recording lag as a sentence', () => {
  it('says a dash without sessions, else the median and the 90th percentile in days', () => {
    expect(lagText({ sessions: 0, medianDays: null, p90Days: null })).toBe('—');
    expect(lagText({ sessions: 4, medianDays: 1, p90Days: 6 })).toBe('1 / 6 days');
  });
});

describe('a team’s effectiveness data as chart points', () => {
  const reading = fc.record({
    measure: fc.string({ minLength: 1, maxLength: 20 }),
    recordedOn: fc.constantFrom('2026-09-30', '2026-10-31', '2026-11-30'),
    percent: fc.integer({ min: 0, max: 100 }),
  });

  it('keeps every reading at its day and measure, keyed by position whatever the measure is called', () => {
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 12 }), (rows) => {
        const { measures, data } = effectivenessSeries(rows);
        expect(data.map((point) => point['day'])).toEqual([...new Set(rows.map((row) => row.recordedOn))].sort());
        for (const point of data) {
          expect(Object.getPrototypeOf(point)).toBeNull();
          expect(Object.keys(point).sort()).toEqual(['day', ...measures.map((_, index) => `m${index}`)].sort());
          measures.forEach((measure, index) => {
            const first = rows.find((row) => row.recordedOn === point['day'] && row.measure === measure);
            expect(point[`m${index}`]).toBe(first?.percent ?? null);
          });
        }
      }),
    );
  });

  it('never lets a measure called __proto__ change a point’s shape', () => {
    const { data } = effectivenessSeries([{ measure: '__proto__', recordedOn: '2026-09-30', percent: 40 }]);
    expect(data).toHaveLength(1);
    expect(data[0]!['m0']).toBe(40);
    expect(Object.getPrototypeOf(data[0])).toBeNull();
  });
});
