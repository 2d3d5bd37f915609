import { appendLeaf, EMPTY_RANGE, leafHash, TreeEdge, type CompactRange } from '@coachline/eventstore';
import fc from 'fast-check';
import { nodeRowPosition, peaksColumn, rangeOf } from './tree-rows';

const leafOf = (n: number) => leafHash(Buffer.from(`event ${n}`));

const grow = (
  size: number,
  visit: (leaf: number, written: ReturnType<typeof appendLeaf>) => void = () => undefined,
) => {
  let range: CompactRange = EMPTY_RANGE;
  for (let leaf = 0; leaf < size; leaf += 1) {
    const appended = appendLeaf(range, leafOf(leaf));
    visit(leaf, appended);
    range = appended.range;
  }
  return range;
};

describe('the tree as it lies in the events’ rows', () => {
  it('keeps every node a leaf completes in that leaf’s own row, at 32 bytes per level', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (size) => {
        const edge = new TreeEdge(EMPTY_RANGE);
        grow(size, (leaf, appended) => {
          const column = edge.add(leafOf(leaf));
          expect(column.length).toBe(appended.written.length * 32);
          appended.written.forEach((node, at) => {
            expect(node.level).toBe(at);
            expect(nodeRowPosition(node.level, node.index)).toBe(leaf + 1);
            expect(column.subarray(at * 32, at * 32 + 32).equals(Buffer.from(node.hash))).toBe(true);
          });
        });
      }),
      { numRuns: 15 },
    );
  });

  it('reads the head’s peaks back as the compact range they were written from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), (size) => {
        const range = grow(size);
        expect(rangeOf(size, peaksColumn(range))).toEqual({
          size,
          peaks: range.peaks.map((peak) => ({ ...peak, hash: Buffer.from(peak.hash) })),
        });
      }),
      { numRuns: 60 },
    );
  });

  it('refuses peaks that do not fit the size: a head altered behind the store’s back', () => {
    const peaks = peaksColumn(grow(12));
    expect(() => rangeOf(12, peaks.subarray(32))).toThrow(/do not fit a tree of 12 leaves/);
    expect(() => rangeOf(13, peaks)).toThrow(/do not fit/);
    expect(() => rangeOf(12, null)).toThrow(/do not fit/);
  });
});
