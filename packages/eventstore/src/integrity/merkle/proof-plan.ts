import * as E from 'fp-ts/Either';
import { perfectSubtrees } from './compact-range';
import { isTreeSize, splitPoint } from './tree-hash';
import type { TreeNode } from './node-store';

/**
 * A proof before its hashes are read: for each element, the perfect subtrees whose fold gives it. Planning
 * first lets a store read every node a proof needs in one go.
 */
export type ProofPlan = readonly (readonly TreeNode[])[];

/** Leaves [start, end): a single stored node when perfect, else the right edge's few subtrees. */
const rangeOf = (start: number, end: number): readonly TreeNode[] => perfectSubtrees(start, end);

// RFC 9162 §2.1.3.1 PATH(m, D[start:start+n]), siblings listed from the leaf up.
const pathPlan = (m: number, start: number, n: number): TreeNode[][] => {
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...pathPlan(m, start, k), [...rangeOf(start + k, start + n)]]
    : [...pathPlan(m - k, start + k, n - k), [...rangeOf(start, start + k)]];
};

// RFC 9162 §2.1.4.1 SUBPROOF(m, D[start:start+n], b).
const subproofPlan = (m: number, start: number, n: number, whole: boolean): TreeNode[][] => {
  if (m === n) return whole ? [] : [[...rangeOf(start, start + n)]];
  const k = splitPoint(n);
  return m <= k
    ? [...subproofPlan(m, start, k, whole), [...rangeOf(start + k, start + n)]]
    : [...subproofPlan(m - k, start + k, n - k, false), [...rangeOf(start, start + k)]];
};

/** The nodes of the inclusion proof of leaf `index` in the tree of `size` leaves. */
export const inclusionPlan = (index: number, size: number): E.Either<string, ProofPlan> => {
  if (!isTreeSize(index) || !isTreeSize(size)) return E.left('leaf index and tree size must be whole numbers ≥ 0');
  if (index >= size) return E.left(`leaf ${index} is not in a tree of ${size} leaves`);
  return E.right(pathPlan(index, 0, size));
};

/** The nodes of the consistency proof from the tree of `older` leaves to the tree of `newer` leaves. */
export const consistencyPlan = (older: number, newer: number): E.Either<string, ProofPlan> => {
  if (!isTreeSize(older) || !isTreeSize(newer)) return E.left('tree sizes must be whole numbers ≥ 0');
  if (older > newer) return E.left(`a tree of ${older} leaves cannot grow into one of ${newer}`);
  if (older === 0 && newer > 0) return E.left('the empty tree is consistent with every tree: no proof to give');
  return E.right(older === newer ? [] : subproofPlan(older, 0, newer, true));
};

/** Every node a plan reads, each once. */
export const planNodes = (plan: ProofPlan): TreeNode[] => {
  const seen = new Map<string, TreeNode>();
  for (const element of plan) for (const node of element) seen.set(`${node.level}/${node.index}`, node);
  return [...seen.values()];
};
