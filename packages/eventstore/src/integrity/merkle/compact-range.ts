import { nodeHash, emptyTreeHash, type TreeHash } from './tree-hash';
import type { StoredNode, TreeNode } from './node-store';

/**
 * The right edge of an append-only tree: the roots of its perfect subtrees, largest first (one per
 * set bit of the size). Enough to append a leaf and to give the root, in O(log n) and without the leaves.
 */
export interface CompactRange {
  readonly size: number;
  readonly peaks: readonly StoredNode[];
}

export const EMPTY_RANGE: CompactRange = { size: 0, peaks: [] };

/** The perfect subtrees that make up the leaves [start, end), start aligned as in a tree's proofs. */
export const perfectSubtrees = (start: number, end: number): TreeNode[] => {
  const nodes: TreeNode[] = [];
  let at = start;
  while (at < end) {
    let width = 1;
    let level = 0;
    while (at % (width * 2) === 0 && at + width * 2 <= end) {
      width *= 2;
      level += 1;
    }
    nodes.push({ level, index: at / width });
    at += width;
  }
  return nodes;
};

/** The root over subtree hashes laid left to right, largest first: the smaller ones fold in from the right. */
export const foldFromRight = (hashes: readonly TreeHash[]): TreeHash => {
  if (hashes.length === 0) return emptyTreeHash();
  let root = hashes[hashes.length - 1] as TreeHash;
  for (let at = hashes.length - 2; at >= 0; at -= 1) root = nodeHash(hashes[at] as TreeHash, root);
  return root;
};

export interface Appended {
  readonly range: CompactRange;
  /** The leaf and every subtree it completed: what the node store must keep. */
  readonly written: readonly StoredNode[];
}

/** Adds one leaf hash on the right, merging the subtrees it completes (O(log n) hashes). */
export const appendLeaf = (range: CompactRange, leaf: TreeHash): Appended => {
  const peaks = [...range.peaks];
  let node: StoredNode = { level: 0, index: range.size, hash: leaf };
  const written: StoredNode[] = [node];
  for (let left = peaks.at(-1); left !== undefined && left.level === node.level; left = peaks.at(-1)) {
    peaks.pop();
    node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
    written.push(node);
  }
  peaks.push(node);
  return { range: { size: range.size + 1, peaks }, written };
};

export const rangeRoot = (range: CompactRange): TreeHash => foldFromRight(range.peaks.map((peak) => peak.hash));
