import fc from 'fast-check';
import { ID_PATTERN, Instant, INSTANT_PATTERN, isCalendarDate, isId, RESERVED_IDS } from './primitives';

// The rules as first written, by match groups and a look-up of every id: the checks that read
// digits where the pattern puts them, and look up short ids only, must decide exactly alike.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const dayOf = (m: RegExpExecArray | null): boolean => {
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
};
const calendarDateAsWritten = (s: string) => dayOf(/^(\d{4})-(\d{2})-(\d{2})$/.exec(s));
const instantAsWritten = (s: string) => dayOf(INSTANT_PATTERN.exec(s));
const idAsWritten = (s: string) => ID_PATTERN.test(s) && !RESERVED_IDS.has(s);

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const date = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
const instant = fc
  .tuple(date, fc.constantFrom('T00:00:00Z', 'T23:59:59.123+02:00', 'T12:30:00.5-11:30', 'T24:00:00Z', 'T10:00:00'))
  .map(([d, time]) => `${d}${time}`);
const id = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._:-]{1,140}$/),
  fc.constantFrom(...RESERVED_IDS, 'prototypes', '__proto__x', 'x'.repeat(128), 'x'.repeat(129)),
  fc.uuid(),
);

describe('the checks of dates, instants and ids', () => {
  it('decide as the rules as first written, for dates', () => {
    fc.assert(
      fc.property(fc.oneof(date, fc.string()), (s) => expect(isCalendarDate(s)).toBe(calendarDateAsWritten(s))),
      { numRuns: 5_000 },
    );
  });

  it('decide as the rules as first written, for instants', () => {
    fc.assert(
      fc.property(fc.oneof(instant, fc.string()), (s) => expect(Instant.is(s)).toBe(instantAsWritten(s))),
      { numRuns: 5_000 },
    );
  });

  it('decide as the rules as first written, for ids, reserved names among them', () => {
    fc.assert(
      fc.property(fc.oneof(id, fc.string()), (s) => expect(isId(s)).toBe(idAsWritten(s))),
      { numRuns: 5_000 },
    );
    for (const name of RESERVED_IDS) expect(isId(name)).toBe(false);
  });

  it('refuse days that do not exist, and keep leap days', () => {
    expect(isCalendarDate('2025-09-31')).toBe(false);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(Instant.is('2100-02-29T00:00:00Z')).toBe(false);
    expect(Instant.is('2000-02-29T00:00:00Z')).toBe(true);
  });
});
