import { START } from '@eventstore/db-client';
import { coachlinePosition, esdbPosition, readPositionAfter } from './position';

describe('Coachline positions on EventStoreDB commit positions', () => {
  it('takes the commit position as the position', () => {
    expect(coachlinePosition({ commit: 4_210n, prepare: 4_210n }, 'an event')).toBe(4_210);
  });

  it('converts a position back to the commit and prepare position of its event', () => {
    expect(esdbPosition(4_210)).toEqual({ commit: 4_210n, prepare: 4_210n });
    expect(coachlinePosition(esdbPosition(Number.MAX_SAFE_INTEGER), 'the last exact position')).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('reads from the start for position 0 and from the event itself otherwise', () => {
    expect(readPositionAfter(0)).toBe(START);
    expect(readPositionAfter(17)).toEqual({ commit: 17n, prepare: 17n });
  });

  it('refuses the missing position older servers send on stream reads', () => {
    expect(() => coachlinePosition(undefined, 'provider-p-1@0')).toThrow(/22\.6 or later/);
    expect(() => coachlinePosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n }, 'provider-p-1@0')).toThrow(
      /did not report/,
    );
  });

  it('refuses positions it cannot represent exactly rather than rounding them', () => {
    const beyond = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
    expect(() => coachlinePosition({ commit: beyond, prepare: beyond }, 'a far event')).toThrow(RangeError);
    expect(() => coachlinePosition({ commit: 0n, prepare: 0n }, 'the first record')).toThrow(RangeError);
    expect(() => esdbPosition(-1)).toThrow(RangeError);
    expect(() => esdbPosition(1.5)).toThrow(RangeError);
  });
});
