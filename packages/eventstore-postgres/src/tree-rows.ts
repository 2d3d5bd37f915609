import {
  appendLeaf,
  canonicalContent,
  EMPTY_RANGE,
  eventLeafHash,
  type CompactRange,
  type StoredEvent,
  type StoredNode,
  type TreeHash,
} from '@coachline/eventstore';

/** Every node of the tree is a SHA-256 digest. */
const HASH_BYTES = 32;

/**
 * How the tree lies in the events table: the row of position p holds, in its `tree` column, the
 * hashes of the nodes leaf p-1 completes, level 0 (the leaf) first, 32 bytes each. Node (level L,
 * index j) therefore lies in the row of position (j+1)·2^L at offset 32·L, so that the tree needs no
 * table, index or lock of its own: a node is written with its event or not at all.
 */
export const nodeRowPosition = (level: number, index: number): number => (index + 1) * 2 ** level;

/** The nodes a leaf completes, as its row's `tree` value. */
export const nodesColumn = (written: ReadonlyArray<StoredNode>): Buffer =>
  Buffer.concat(written.map((node) => node.hash));

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
  if (size === 0) return EMPTY_RANGE;
  const bytes = bytesOf(peaks) ?? Buffer.alloc(0);
  const nodes: StoredNode[] = [];
  let start = 0;
  for (let level = Math.floor(Math.log2(size)); level >= 0; level -= 1) {
    const width = 2 ** level;
    if (Math.floor(size / width) % 2 === 1) {
      const at = nodes.length * HASH_BYTES;
      nodes.push({ level, index: start / width, hash: bytes.subarray(at, at + HASH_BYTES) });
      start += width;
    }
  }
  if (bytes.length !== nodes.length * HASH_BYTES)
    throw new Error(`The head's tree peaks (${bytes.length} bytes) do not fit a tree of ${size} leaves`);
  return { size, peaks: nodes };
};

/** Whether a head's tree covers every event below it. */
export const treeIsCurrent = (head: { readonly position: number; readonly tree: CompactRange }): boolean =>
  head.tree.size === head.position;

/** A leaf added to the range: its row's `tree` value and the range after it. */
export const appendEventLeaf = (
  range: CompactRange,
  leaf: TreeHash,
): { readonly range: CompactRange; readonly column: Buffer } => {
  const appended = appendLeaf(range, leaf);
  return { range: appended.range, column: nodesColumn(appended.written) };
};

/** The leaf of an event read back from the store (its canonical content, serialized again from the row). */
export const leafOfStored = (event: StoredEvent): TreeHash => eventLeafHash(canonicalContent(event));
