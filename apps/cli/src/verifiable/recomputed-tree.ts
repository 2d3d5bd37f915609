import { MerkleLog, type MerkleNodeStore, type TreeHash } from '@coachline/eventstore';

/** A tree recomputed to compare roots keeps no node: its compact range alone gives its root. */
const keepsNothing: MerkleNodeStore = {
  readNodes: () => Promise.resolve(new Map()),
  writeNodes: () => Promise.resolve(),
};

/**
 * The Merkle tree of a history recomputed leaf by leaf, in O(log n) memory, noting its root at each
 * size a checkpoint signed: what the events actually hash to, to hold against the checkpoints.
 */
export class RecomputedTree {
  private readonly log = MerkleLog.empty(keepsNothing);
  private readonly noted = new Map<number, TreeHash>();

  constructor(private readonly sizesToNote: ReadonlySet<number> = new Set()) {
    if (sizesToNote.has(0)) this.noted.set(0, this.log.root());
  }

  async push(leaf: TreeHash): Promise<void> {
    await this.log.append([leaf]);
    if (this.sizesToNote.has(this.log.size)) this.noted.set(this.log.size, this.log.root());
  }

  get size(): number {
    return this.log.size;
  }

  root(): TreeHash {
    return this.log.root();
  }

  /** The root at a size given to note, once the tree reached it. */
  rootAt(size: number): TreeHash | undefined {
    return this.noted.get(size);
  }
}
