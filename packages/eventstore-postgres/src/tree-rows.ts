import { rangeOfPeaks, type CompactRange, type TreeHash } from '@coachline/eventstore';

/** Every node of the tree is a SHA-256 digest. */
const HASH_BYTES = 32;

/**
 * How the tree lies in the events table: the row of position p holds, in its `tree` column, the
 * hashes of the nodes leaf p-1 completes, level 0 (the leaf) first, 32 bytes each: what
 * `TreeEdge.addEvent` answers. Node (level L, index j) therefore lies in the row of position (j+1)·2^L at
 * offset 32·L, so that the tree needs no table, index or lock of its own: a node is written with its
 * event or not at all.
 */
export const nodeRowPosition = (level: number, index: number): number => (index + 1) * 2 ** level;

/** A bytea value as a driver hands it back: a Buffer from pg, a Uint8Array from PGlite. */
export const bytesOf = (value: unknown): Buffer | undefined =>
  value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.length) : undefined;

/** The head's peaks column: the compact range's hashes, largest subtree first. */
export const peaksColumn = (range: CompactRange): Buffer => Buffer.concat(range.peaks.map((peak) => peak.hash));

/**
 * The compact range of `size` leaves from the head's peaks column: one hash per set bit of the size,
 * largest first. Peaks that do not fit the size are a store that was altered: a system fault.
 */
export const rangeOf = (size: number, peaks: unknown): CompactRange => {
  const bytes = bytesOf(peaks) ?? Buffer.alloc(0);
  const hashes: TreeHash[] = [];
  for (let at = 0; at + HASH_BYTES <= bytes.length; at += HASH_BYTES) hashes.push(bytes.subarray(at, at + HASH_BYTES));
  try {
    if (bytes.length % HASH_BYTES !== 0) throw new RangeError('a peak is cut short');
    return rangeOfPeaks(size, hashes);
  } catch {
    throw new Error(`The head's tree peaks (${bytes.length} bytes) do not fit a tree of ${size} leaves`);
  }
};

/** Whether a head's tree covers every event below it. */
export const treeIsCurrent = (head: { readonly position: number; readonly tree: CompactRange }): boolean =>
  head.tree.size === head.position;
