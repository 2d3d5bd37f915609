import { isId } from '@coachline/domain';
import fc from 'fast-check';
import { mintEventId } from './event-ids';

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The 48-bit Unix millisecond an RFC 9562 version 7 UUID begins with. */
const millisecondOf = (id: string): number => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

const strictlyIncreasing = (ids: ReadonlyArray<string>): boolean => ids.every((id, i) => i === 0 || ids[i - 1]! < id);

describe('mintEventId', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads the millisecond of RFC 9562 example version 7 UUID as the RFC gives it', () => {
    // RFC 9562 appendix A.6: 2022-02-22 19:22:22 UTC.
    expect(millisecondOf('017f22e2-79b0-7cc3-98c4-dc0c0c07398f')).toBe(Date.UTC(2022, 1, 22, 19, 22, 22));
  });

  it('mints a canonical lowercase UUID of version 7 and the RFC variant, which is also an id of the domain', () => {
    const id = mintEventId();
    expect(id).toMatch(CANONICAL_UUID);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(isId(id)).toBe(true);
  });

  it('begins with the millisecond it was minted in', () => {
    const before = Date.now();
    const id = mintEventId();
    const after = Date.now();
    expect(millisecondOf(id)).toBeGreaterThanOrEqual(before);
    expect(millisecondOf(id)).toBeLessThanOrEqual(after);
  });

  it('mints ids that each sort after the one before, up to 10 000 in a row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10_000 }), (count) => {
        const ids = Array.from({ length: count }, mintEventId);
        return strictlyIncreasing(ids);
      }),
      { numRuns: 20, examples: [[10_000]] },
    );
  });

  it('keeps order when the clock stands still or steps back', () => {
    const start = Date.now();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2, maxLength: 200 }), (offsets) => {
        const readings = offsets.map((offset) => start + offset);
        jest.spyOn(Date, 'now').mockImplementation(() => readings.shift() ?? start);
        const ids = offsets.map(() => mintEventId());
        jest.restoreAllMocks();
        return strictlyIncreasing(ids);
      }),
    );
  });
});
