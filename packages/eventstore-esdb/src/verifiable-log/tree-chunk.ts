/**
 * A sealed chunk of the tree: 2^k consecutive leaves of the global order and every node of the tree
 * that their appending completed, so that a proof reads whole chunks instead of single nodes.
 *
 * Appending leaf `i` completes the leaf itself and one node more per trailing one bit of `i`: the node
 * of level `l` then is `(l, i >> l)`. Written in that order, the nodes need no coordinates: the
 * chunk's number and size say which node each hash is. Since a chunk's first leaf is a multiple of
 * 2^k, it holds the perfect subtree of its own leaves, every node inside it, and the nodes above it
 * that close at its last leaf.
 */
import * as E from 'fp-ts/Either';
import {
  appendLeaf,
  perfectSubtrees,
  rangeRoot,
  type CompactRange,
  type StoredNode,
  type TreeHash,
} from '@coachline/eventstore';

const HASH_BYTES = 32;
const ID_BYTES = 16;

/** One leaf as the sealer takes it from the global order. */
export interface SealedLeaf {
  readonly hash: TreeHash;
  /** The EventStoreDB id of the event (a UUID), by which `leafIndexOf` finds it. */
  readonly esdbId: string;
  readonly position: number;
}

export interface TreeChunk {
  /** The chunk's number, which is also its revision in the tree stream. */
  readonly number: number;
  /** Leaves per chunk: a power of two, the same for every chunk of a store. */
  readonly leaves: number;
  /** The position of its last event. */
  readonly lastPosition: number;
  /** The EventStoreDB ids of its events, in order. */
  readonly esdbIds: readonly string[];
  /** Every node its leaves completed, in the order they were completed. */
  readonly nodes: readonly StoredNode[];
  /** The right edge of the tree once its last leaf is in. */
  readonly peaks: readonly StoredNode[];
}

export const isPowerOfTwo = (n: number): boolean => Number.isSafeInteger(n) && n > 0 && (n & (n - 1)) === 0;

export const chunkSize = (chunk: Pick<TreeChunk, 'number' | 'leaves'>): number => (chunk.number + 1) * chunk.leaves;

/** The range a chunk ends on: enough to go on appending after it without reading anything before it. */
export const rangeAfter = (chunk: TreeChunk): CompactRange => ({ size: chunkSize(chunk), peaks: chunk.peaks });

const trailingOnes = (n: number): number => {
  let count = 0;
  for (let rest = n; rest % 2 === 1; rest = Math.floor(rest / 2)) count += 1;
  return count;
};

/** The nodes leaf `index` completes, in the order `appendLeaf` writes them. */
export const nodesCompletedBy = (index: number): { level: number; index: number }[] =>
  Array.from({ length: trailingOnes(index) + 1 }, (_, level) => ({ level, index: Math.floor(index / 2 ** level) }));

/** Seals `leaves` onto `range` as chunk `number`: the range must end where the chunk begins. */
export const sealChunk = (
  number: number,
  leaves: readonly SealedLeaf[],
  range: CompactRange,
): { readonly chunk: TreeChunk; readonly range: CompactRange } => {
  if (!isPowerOfTwo(leaves.length)) throw new Error(`A chunk holds a power of two leaves, not ${leaves.length}`);
  if (range.size !== number * leaves.length) {
    throw new Error(`Chunk ${number} of ${leaves.length} leaves cannot follow a tree of ${range.size}`);
  }
  let after = range;
  const nodes: StoredNode[] = [];
  for (const leaf of leaves) {
    const appended = appendLeaf(after, leaf.hash);
    after = appended.range;
    nodes.push(...appended.written);
  }
  const last = leaves[leaves.length - 1] as SealedLeaf;
  const chunk: TreeChunk = {
    number,
    leaves: leaves.length,
    lastPosition: last.position,
    esdbIds: leaves.map((leaf) => leaf.esdbId),
    nodes,
    peaks: after.peaks,
  };
  return { chunk, range: after };
};

/** The event data of a chunk: hashes and ids packed in base64, the root spelled out for whoever reads the stream. */
export interface ChunkData {
  readonly chunk: number;
  readonly leaves: number;
  readonly size: number;
  readonly lastPosition: number;
  readonly root: string;
  readonly ids: string;
  readonly nodes: string;
  readonly peaks: string;
}

const packHashes = (nodes: readonly StoredNode[]): string =>
  Buffer.concat(nodes.map((node) => Buffer.from(node.hash))).toString('base64');

/** EventStoreDB ids (UUIDs) as 16 bytes each, one after the other. */
export const packedIds = (uuids: readonly string[]): Buffer =>
  Buffer.concat(uuids.map((uuid) => Buffer.from(uuid.replaceAll('-', ''), 'hex')));

const uuidText = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const chunkData = (chunk: TreeChunk): ChunkData => ({
  chunk: chunk.number,
  leaves: chunk.leaves,
  size: chunkSize(chunk),
  lastPosition: chunk.lastPosition,
  root: Buffer.from(rangeRoot(rangeAfter(chunk))).toString('hex'),
  ids: packedIds(chunk.esdbIds).toString('base64'),
  nodes: packHashes(chunk.nodes),
  peaks: packHashes(chunk.peaks),
});

const unpack = (base64: string, bytes: number, count: number, what: string): E.Either<string, Buffer[]> => {
  const packed = Buffer.from(base64, 'base64');
  if (packed.length !== bytes * count || packed.toString('base64') !== base64) {
    return E.left(`${what} should be ${count} values of ${bytes} bytes in base64`);
  }
  return E.right(Array.from({ length: count }, (_, at) => packed.subarray(at * bytes, (at + 1) * bytes)));
};

/**
 * The chunk an event's data holds, its shape checked against the chunk's number and size (which
 * node each hash is follows from them). Whether the hashes are true is for `compareWithAll` to tell.
 */
export const chunkFromData = (data: ChunkData, revision: number): E.Either<string, TreeChunk> => {
  const { chunk: number, leaves } = data;
  if (number !== revision) return E.left(`the chunk at revision ${revision} calls itself chunk ${number}`);
  if (!isPowerOfTwo(leaves)) return E.left(`a chunk of ${leaves} leaves: not a power of two`);
  const size = (number + 1) * leaves;
  if (data.size !== size) return E.left(`chunk ${number} of ${leaves} leaves says its tree has ${data.size}`);
  const coordinates = Array.from({ length: leaves }, (_, at) => nodesCompletedBy(number * leaves + at)).flat();
  const peakCoordinates = perfectSubtrees(0, size);
  const ids = unpack(data.ids, ID_BYTES, leaves, 'ids');
  const nodes = unpack(data.nodes, HASH_BYTES, coordinates.length, 'nodes');
  const peaks = unpack(data.peaks, HASH_BYTES, peakCoordinates.length, 'peaks');
  if (E.isLeft(ids)) return ids;
  if (E.isLeft(nodes)) return nodes;
  if (E.isLeft(peaks)) return peaks;
  return E.right({
    number,
    leaves,
    lastPosition: data.lastPosition,
    esdbIds: ids.right.map(uuidText),
    nodes: coordinates.map((node, at) => ({ ...node, hash: nodes.right[at] as TreeHash })),
    peaks: peakCoordinates.map((node, at) => ({ ...node, hash: peaks.right[at] as TreeHash })),
  });
};
