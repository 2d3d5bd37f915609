import type { TreeHash } from './tree-hash';

/**
 * A perfect subtree of the log: the 2^level leaves from index·2^level. Level 0 is a leaf hash. Once
 * written a node never changes, since the log only grows on its right.
 */
export interface TreeNode {
  readonly level: number;
  readonly index: number;
}

export interface StoredNode extends TreeNode {
  readonly hash: TreeHash;
}

/** Where the perfect subtrees' hashes are kept, so a proof reads O(log n) of them instead of every leaf. */
export interface MerkleNodeStore {
  /** The hashes asked for, keyed by `nodeKey`; a node never written is absent. */
  readNodes(nodes: readonly TreeNode[]): Promise<ReadonlyMap<string, TreeHash>>;
  writeNodes(nodes: readonly StoredNode[]): Promise<void>;
}

export const nodeKey = (node: TreeNode): string => `${node.level}/${node.index}`;

/** The node store of a process-local log and of the tests. */
export class InMemoryMerkleNodeStore implements MerkleNodeStore {
  private readonly hashes = new Map<string, TreeHash>();

  readNodes(nodes: readonly TreeNode[]): Promise<ReadonlyMap<string, TreeHash>> {
    const found = new Map<string, TreeHash>();
    for (const node of nodes) {
      const hash = this.hashes.get(nodeKey(node));
      if (hash !== undefined) found.set(nodeKey(node), hash);
    }
    return Promise.resolve(found);
  }

  writeNodes(nodes: readonly StoredNode[]): Promise<void> {
    for (const node of nodes) this.hashes.set(nodeKey(node), node.hash);
    return Promise.resolve();
  }

  /** How many nodes are kept: about 2n for n leaves. */
  get size(): number {
    return this.hashes.size;
  }
}
