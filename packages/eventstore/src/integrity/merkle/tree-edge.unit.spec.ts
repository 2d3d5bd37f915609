import fc from 'fast-check';
import { appendLeaf, EMPTY_RANGE, rangeRoot, type CompactRange } from './compact-range';
import { rangeOfPeaks, TreeEdge } from './tree-edge';
import { eventLeafHash, leafHash, recursiveRoot, type TreeHash } from './tree-hash';

const leavesOf = (salt: number, size: number): TreeHash[] =>
  Array.from({ length: size }, (_, at) => leafHash(Buffer.from(`${salt}/${at}`)));

const rangeOf = (leaves: readonly TreeHash[]): CompactRange =>
  leaves.reduce((range, leaf) => appendLeaf(range, leaf).range, EMPTY_RANGE);

const hex = (hash: TreeHash) => Buffer.from(hash).toString('hex');

describe('the tree’s right edge grown in place', () => {
  it('completes the same nodes as appendLeaf and ends on the same range, from any start', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 300 }), (salt, start, more) => {
        const leaves = leavesOf(salt, start + more);
        let range = rangeOf(leaves.slice(0, start));
        const edge = new TreeEdge(range);
        for (const leaf of leaves.slice(start)) {
          const appended = appendLeaf(range, leaf);
          expect(edge.add(leaf).toString('hex')).toBe(appended.written.map((node) => hex(node.hash)).join(''));
          range = appended.range;
        }
        const grown = edge.range();
        expect(grown.size).toBe(range.size);
        expect(grown.peaks.map((peak) => [peak.level, peak.index, hex(peak.hash)])).toEqual(
          range.peaks.map((peak) => [peak.level, peak.index, hex(peak.hash)]),
        );
        expect(hex(rangeRoot(grown))).toBe(hex(recursiveRoot(leaves)));
      }),
      { numRuns: 60 },
    );
  });

  it('takes an event’s content, its leaf in hex or its leaf’s bytes alike', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 40 }), (contents) => {
        const byContent = new TreeEdge(EMPTY_RANGE);
        const byHex = new TreeEdge(EMPTY_RANGE);
        const byBytes = new TreeEdge(EMPTY_RANGE);
        for (const content of contents) {
          const leaf = eventLeafHash(content);
          const completed = byContent.addEvent(content);
          expect(byHex.addLeafHex(hex(leaf))).toBe(completed);
          expect(byBytes.add(leaf).toString('hex')).toBe(completed);
        }
        expect(hex(rangeRoot(byContent.range()))).toBe(hex(recursiveRoot(contents.map(eventLeafHash))));
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a leaf that is not a hash, and leaves the edge as it was', () => {
    const edge = new TreeEdge(rangeOf(leavesOf(1, 5)));
    expect(() => edge.add(Buffer.alloc(31))).toThrow(/32 bytes/);
    expect(() => edge.addLeafHex('AB'.repeat(32))).toThrow(/64 lowercase hex digits/);
    expect(() => edge.addLeafHex('ab'.repeat(31))).toThrow(/64 lowercase hex digits/);
    expect(edge.range().size).toBe(5);
  });

  it('reads a range back from its peaks, and refuses peaks that do not fit the size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), (size) => {
        const range = rangeOf(leavesOf(7, size));
        expect(
          rangeOfPeaks(
            size,
            range.peaks.map((peak) => peak.hash),
          ),
        ).toEqual(range);
        const hashes = range.peaks.map((peak) => peak.hash);
        if (hashes.length > 0) expect(() => rangeOfPeaks(size, hashes.slice(1))).toThrow(/do not fit/);
        expect(() => rangeOfPeaks(size, [...hashes, leafHash(Buffer.of(1))])).toThrow(/do not fit/);
      }),
      { numRuns: 60 },
    );
  });
});
