import type { CompactRange } from './compact-range';
import type { StoredNode } from './node-store';
import { eventLeafHex } from '../sealed-event';
import { HASH_BYTES, nodeHashHex, type TreeHash } from './tree-hash';

/**
 * The compact range of `size` leaves from its peaks' hashes alone, largest subtree first: one hash per
 * set bit of the size says where each peak lies. Peaks that do not fit the size are refused.
 */
export const rangeOfPeaks = (size: number, hashes: readonly TreeHash[]): CompactRange => {
  const peaks: StoredNode[] = [];
  let start = 0;
  for (let level = size === 0 ? -1 : Math.floor(Math.log2(size)); level >= 0; level -= 1) {
    const width = 2 ** level;
    if (Math.floor(size / width) % 2 === 1) {
      const hash = hashes[peaks.length];
      if (hash === undefined) break;
      peaks.push({ level, index: start / width, hash });
      start += width;
    }
  }
  if (start !== size || peaks.length !== hashes.length)
    throw new RangeError(`${hashes.length} peaks do not fit a tree of ${size} leaves`);
  return { size, peaks };
};

const HEX_HASH = /^[0-9a-f]{64}$/;
const hexOf = (hash: TreeHash): string => Buffer.from(hash.buffer, hash.byteOffset, hash.length).toString('hex');

/**
 * The tree's right edge grown in place, leaf after leaf: the write path's form of `appendLeaf`, which
 * would copy the range and build a node object for every event of a batch. It keeps its hashes in hex,
 * the form a writer stores them in. A property test holds it equal to `appendLeaf`.
 */
export class TreeEdge {
  /** The peaks' hashes in hex, largest subtree first. */
  private readonly peaks: string[];
  private size: number;

  constructor(range: CompactRange) {
    this.size = range.size;
    this.peaks = range.peaks.map((peak) => hexOf(peak.hash));
  }

  /**
   * Adds an event's leaf (`eventLeafHash` of its canonical content) on the right. Answers, in hex, the
   * hashes of the leaf and of each subtree it completes, smallest first, laid end to end: what
   * `appendLeaf` calls written.
   */
  addEvent(canonicalContent: string): string {
    return this.addHex(eventLeafHex(canonicalContent));
  }

  /** `addEvent` for a leaf already hashed, in hex as `sealEvent` gives it. */
  addLeafHex(leaf: string): string {
    if (!HEX_HASH.test(leaf)) throw new RangeError('A leaf hash in hex has 64 lowercase hex digits');
    return this.addHex(leaf);
  }

  /** `addEvent` for a leaf already hashed, answered as bytes. */
  add(leaf: TreeHash): Buffer {
    if (leaf.length !== HASH_BYTES) throw new RangeError(`A leaf hash has ${HASH_BYTES} bytes, not ${leaf.length}`);
    return Buffer.from(this.addHex(hexOf(leaf)), 'hex');
  }

  range(): CompactRange {
    return rangeOfPeaks(
      this.size,
      this.peaks.map((peak) => Buffer.from(peak, 'hex')),
    );
  }

  private addHex(leaf: string): string {
    let completed = leaf;
    let node = leaf;
    // The leaf merges with one peak per trailing set bit of the size: the smallest subtrees.
    for (let size = this.size; size % 2 === 1; size = (size - 1) / 2) {
      node = nodeHashHex(this.peaks.pop() as string, node);
      completed += node;
    }
    this.peaks.push(node);
    this.size += 1;
    return completed;
  }
}
