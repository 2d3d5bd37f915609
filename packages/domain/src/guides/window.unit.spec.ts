import fc from 'fast-check';
import { addDays, addMonths, isEmpty, monthsOf, monthWithin, resolveWindow, suggestedMonthsWithin } from './window';

const year = { startsOn: '2025-07-01', endsOn: '2026-06-30' };

describe('window arithmetic', () => {
  it('keeps the day of the month, or the last day of a shorter month', () => {
    expect(addMonths('2025-09-15', 2)).toBe('2025-11-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-12-05', 1)).toBe('2026-01-05');
  });

  it('"within the first two months" of a July 1 year ends on August 31', () =>
    expect(resolveWindow({ anchor: 'enrollment', fromMonth: 0, throughMonth: 1 }, year)).toEqual({
      from: '2025-07-01',
      to: '2025-08-31',
    }));

  it('measures enrollment windows from the day the provider enrolled', () =>
    expect(
      resolveWindow({ anchor: 'enrollment', fromMonth: 0, throughMonth: 1 }, { ...year, enrolledOn: '2025-09-15' }),
    ).toEqual({
      from: '2025-09-15',
      to: '2025-11-14',
    }));

  it('never anchors an enrollment earlier than the first day of the year', () =>
    expect(
      resolveWindow({ anchor: 'enrollment', fromMonth: 0, throughMonth: 0 }, { ...year, enrolledOn: '2025-05-20' }),
    ).toEqual({
      from: '2025-07-01',
      to: '2025-07-31',
    }));

  it('ignores enrollment for program-year windows', () =>
    expect(
      resolveWindow({ anchor: 'program-year', fromMonth: 5, throughMonth: 5 }, { ...year, enrolledOn: '2025-09-15' }),
    ).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    }));

  it('runs to the end of the year without an end month, and never past it', () => {
    expect(resolveWindow({ anchor: 'program-year' }, year)).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(
      resolveWindow({ anchor: 'enrollment', fromMonth: 0, throughMonth: 1 }, { ...year, enrolledOn: '2026-06-10' }),
    ).toEqual({
      from: '2026-06-10',
      to: '2026-06-30',
    });
  });

  it('is empty for an enrollment after the year', () => {
    const window = resolveWindow({ anchor: 'enrollment' }, { ...year, enrolledOn: '2026-07-02' });
    expect(window.from > window.to).toBe(true);
    expect(monthsOf(window)).toEqual([]);
  });

  it('lists the calendar months a window touches, across the new year', () =>
    expect(monthsOf({ from: '2025-11-20', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']));

  it('places suggested month names in the window’s own years', () =>
    expect(suggestedMonthsWithin(['april', 'july'], { from: '2025-07-01', to: '2026-06-30' })).toEqual([
      '2025-07',
      '2026-04',
    ]));

  describe('a window of one day', () => {
    const oneDay = { from: '2026-06-30', to: '2026-06-30' };

    it('is not empty, and touches its one month', () => {
      expect(isEmpty(oneDay)).toBe(false);
      expect(monthsOf(oneDay)).toEqual(['2026-06']);
      expect(monthWithin('2026-06', oneDay)).toEqual(oneDay);
    });

    it('leaves nothing of the months beside it', () => {
      expect(isEmpty(monthWithin('2026-05', oneDay))).toBe(true);
      expect(isEmpty(monthWithin('2026-07', oneDay))).toBe(true);
    });

    it('is what an enrollment on the last day of the year leaves', () =>
      expect(
        resolveWindow({ anchor: 'enrollment', fromMonth: 0, throughMonth: 1 }, { ...year, enrolledOn: '2026-06-30' }),
      ).toEqual(oneDay));

    it('is empty from the day after', () => expect(isEmpty({ from: '2026-07-01', to: '2026-06-30' })).toBe(true));
  });

  it('ends a month-long window on the day before the same day of the next month', () => {
    expect(resolveWindow({ anchor: 'enrollment', throughMonth: 0 }, { ...year, enrolledOn: '2025-07-02' })).toEqual({
      from: '2025-07-02',
      to: '2025-08-01',
    });
    expect(resolveWindow({ anchor: 'enrollment', throughMonth: 0 }, { ...year, enrolledOn: '2026-01-31' })).toEqual({
      from: '2026-01-31',
      to: '2026-02-27',
    });
  });

  it('whatever the enrollment day and months, opens on or after the anchor and never runs past the year', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 364 }).map((offset) => addDays(year.startsOn, offset)),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 0, max: 11 }),
        (enrolledOn, a, b) => {
          const [fromMonth, throughMonth] = [Math.min(a, b), Math.max(a, b)];
          const window = resolveWindow({ anchor: 'enrollment', fromMonth, throughMonth }, { ...year, enrolledOn });
          expect(window.from).toBe(addMonths(enrolledOn, fromMonth));
          expect(window.to <= year.endsOn).toBe(true);
          if (!isEmpty(window)) expect(monthsOf(window)[0]).toBe(window.from.slice(0, 7));
          if (fromMonth === 0) expect(isEmpty(window)).toBe(false);
        },
      ),
    ));
});
