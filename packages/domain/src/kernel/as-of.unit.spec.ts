import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { AsOf, endOfDay, instantOfAsOf } from './as-of';

/** What a reader's `asOf` means: decoded, then read as an instant. */
const meaning = (u: unknown) => E.map(instantOfAsOf)(AsOf.decode(u));

describe('AsOf: the moment a reader asks about', () => {
  it('reads a date alone as the end of that UTC day', () => {
    expect(meaning('2026-12-06')).toEqual(E.right('2026-12-06T23:59:59.999Z'));
  });

  it('reads an instant with an offset as the same moment in UTC, with milliseconds', () => {
    expect(meaning('2025-11-15T12:00:00Z')).toEqual(E.right('2025-11-15T12:00:00.000Z'));
    expect(meaning('2025-11-15T08:30:00-05:00')).toEqual(E.right('2025-11-15T13:30:00.000Z'));
  });

  it('decodes to its input unchanged, as every codec of the domain does', () => {
    expect(AsOf.decode('2026-12-06')).toEqual(E.right('2026-12-06'));
    expect(AsOf.is('2026-12-06')).toBe(true);
  });

  it.each(['2025-09-31', '2026-02-29', '2025-11-15T12:00:00', 'yesterday', '', '2025-13-01'])(
    'refuses %j, naming what it expected',
    (value) => {
      const result = AsOf.decode(value);
      expect(E.isLeft(result)).toBe(true);
      if (E.isLeft(result))
        expect(result.left[0]!.message).toMatch(/^expected a date YYYY-MM-DD or an ISO-8601 instant/);
    },
  );

  it('refuses what is not text', () => {
    for (const value of [20261206, null, undefined, {}, ['2026-12-06']]) expect(AsOf.is(value)).toBe(false);
  });

  it('gives every day the instant that ends it, never one of another day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const instant = meaning(day);
        expect(instant).toEqual(E.right(endOfDay(day)));
        if (E.isRight(instant))
          expect(new Date(Date.parse(instant.right) + 1).toISOString().slice(0, 10)).not.toBe(day);
      }),
    );
  });
});
