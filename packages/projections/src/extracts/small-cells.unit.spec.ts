import fc from 'fast-check';
import { hiddenGroups } from './small-cells';

const sizes = fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.integer({ min: 1, max: 30 }), {
  minKeys: 1,
  maxKeys: 8,
});

describe('small cells', () => {
  it('hides every group of fewer than five providers and nothing else when none is small', () => {
    expect(
      hiddenGroups(
        new Map([
          ['kent', 12],
          ['lake', 5],
        ]),
        5,
      ),
    ).toEqual(new Set());
    expect(
      hiddenGroups(
        new Map([
          ['kent', 12],
          ['lake', 4],
          ['bay', 3],
        ]),
        5,
      ),
    ).toEqual(new Set(['lake', 'bay']));
  });

  it('hides the smallest shown group too when a lone small group could be worked out from the total', () => {
    expect(
      hiddenGroups(
        new Map([
          ['kent', 12],
          ['lake', 6],
          ['bay', 3],
        ]),
        5,
      ),
    ).toEqual(new Set(['bay', 'lake']));
    expect(hiddenGroups(new Map([['kent', 4]]), 5)).toEqual(new Set(['kent']));
  });

  it('never leaves a small group shown, and leaves the hidden ones covering at least five providers or all of them', () =>
    fc.assert(
      fc.property(sizes, (record) => {
        const groups = new Map(Object.entries(record));
        const hidden = hiddenGroups(groups, 5);
        for (const [group, providers] of groups) if (providers < 5) expect(hidden.has(group)).toBe(true);
        const covered = [...hidden].reduce((sum, group) => sum + groups.get(group)!, 0);
        expect(hidden.size === 0 || covered >= 5 || hidden.size === groups.size).toBe(true);
      }),
    ));
});
