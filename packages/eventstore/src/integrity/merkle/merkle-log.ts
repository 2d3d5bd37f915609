import * as E from 'fp-ts/Either';
import { appendLeaf, EMPTY_RANGE, foldFromRight, perfectSubtrees, rangeRoot, type CompactRange } from './compact-range';
import { nodeKey, type MerkleNodeStore, type StoredNode } from './node-store';
import { consistencyPlan, inclusionPlan, planNodes, type ProofPlan } from './proof-plan';
import { isTreeHash, isTreeSize, type TreeHash } from './tree-hash';

/** Reads a plan's nodes in one go and folds each element. A node missing from the store is a system fault. */
const assemble = async (store: MerkleNodeStore, plan: ProofPlan): Promise<TreeHash[]> => {
  const hashes = await store.readNodes(planNodes(plan));
  return plan.map((element) =>
    foldFromRight(
      element.map((node) => {
        const hash = hashes.get(nodeKey(node));
        if (hash === undefined) throw new Error(`The Merkle node store lacks node ${nodeKey(node)}`);
        return hash;
      }),
    ),
  );
};

/**
 * An append-only Merkle tree (RFC 9162) over a node store: appends in O(log n), gives its root, and
 * proves inclusion and consistency for any size up to its own from O(log n) stored nodes.
 */
export class MerkleLog {
  private constructor(
    private readonly store: MerkleNodeStore,
    private range: CompactRange,
  ) {}

  static empty(store: MerkleNodeStore): MerkleLog {
    return new MerkleLog(store, EMPTY_RANGE);
  }

  /** Picks up a log whose nodes the store already holds for `size` leaves. */
  static async resume(store: MerkleNodeStore, size: number): Promise<MerkleLog> {
    if (!isTreeSize(size)) throw new Error(`A Merkle log cannot have ${size} leaves`);
    const nodes = perfectSubtrees(0, size);
    const hashes = await store.readNodes(nodes);
    const peaks = nodes.map((node): StoredNode => {
      const hash = hashes.get(nodeKey(node));
      if (hash === undefined) throw new Error(`The Merkle node store lacks node ${nodeKey(node)}`);
      return { ...node, hash };
    });
    return new MerkleLog(store, { size, peaks });
  }

  get size(): number {
    return this.range.size;
  }

  root(): TreeHash {
    return rangeRoot(this.range);
  }

  /** Adds leaf hashes on the right (an event's leaf is `eventLeafHash` of its canonical content). */
  async append(leafHashes: readonly TreeHash[]): Promise<void> {
    let range = this.range;
    const written: StoredNode[] = [];
    for (const leaf of leafHashes) {
      if (!isTreeHash(leaf)) throw new Error('A Merkle leaf hash must be 32 bytes');
      const appended = appendLeaf(range, leaf);
      range = appended.range;
      written.push(...appended.written);
    }
    await this.store.writeNodes(written);
    this.range = range;
  }

  /** The root the tree had at an earlier size. */
  async rootAt(size: number): Promise<E.Either<string, TreeHash>> {
    if (!isTreeSize(size) || size > this.size) return E.left(`the log has no tree of ${size} leaves`);
    const [root] = await assemble(this.store, [perfectSubtrees(0, size)]);
    return E.right(root as TreeHash);
  }

  async inclusionProof(index: number, size: number = this.size): Promise<E.Either<string, TreeHash[]>> {
    if (isTreeSize(size) && size > this.size) return E.left(`the log has only ${this.size} leaves, not ${size}`);
    const plan = inclusionPlan(index, size);
    return E.isLeft(plan) ? plan : E.right(await assemble(this.store, plan.right));
  }

  async consistencyProof(older: number, newer: number = this.size): Promise<E.Either<string, TreeHash[]>> {
    if (isTreeSize(newer) && newer > this.size) return E.left(`the log has only ${this.size} leaves, not ${newer}`);
    const plan = consistencyPlan(older, newer);
    return E.isLeft(plan) ? plan : E.right(await assemble(this.store, plan.right));
  }
}
