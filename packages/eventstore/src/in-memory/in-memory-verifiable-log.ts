import type * as E from 'fp-ts/Either';
import type { StoredEvent } from '../event-store';
import { canonicalContent } from '../integrity/event-hash';
import { MerkleLog } from '../integrity/merkle/merkle-log';
import { InMemoryMerkleNodeStore } from '../integrity/merkle/node-store';
import { eventLeafHash, type TreeHash } from '../integrity/merkle/tree-hash';
import type { TreeHead, VerifiableLog } from '../verifiable-log';

/**
 * The in-memory store's Merkle tree. The store records each batch while it appends, without
 * yielding, so leaves take the order of the log; the tree's own (asynchronous) appends are then
 * run one after another, and every read waits for those recorded before it.
 */
export class InMemoryVerifiableLog implements VerifiableLog {
  private readonly tree = MerkleLog.empty(new InMemoryMerkleNodeStore());
  private readonly leafIndexes = new Map<string, number>();
  private recorded = 0;
  private appended: Promise<void> = Promise.resolve();

  /**
   * Adds the events' leaves after every event recorded so far. Their leaves are all computed before
   * anything changes, so a batch whose content cannot be hashed throws and adds no leaf.
   */
  record(events: readonly StoredEvent[]): void {
    const leaves: TreeHash[] = events.map((event) => eventLeafHash(canonicalContent(event)));
    for (const event of events) this.leafIndexes.set(event.id, this.recorded++);
    this.appended = this.appended.then(() => this.tree.append(leaves));
  }

  async treeHead(): Promise<TreeHead> {
    await this.appended;
    return { size: this.tree.size, root: this.tree.root() };
  }

  async rootAt(size: number): Promise<E.Either<string, TreeHash>> {
    await this.appended;
    return this.tree.rootAt(size);
  }

  async leafIndexOf(eventId: string): Promise<number | undefined> {
    await this.appended;
    return this.leafIndexes.get(eventId);
  }

  async inclusionProof(index: number, size: number): Promise<E.Either<string, TreeHash[]>> {
    await this.appended;
    return this.tree.inclusionProof(index, size);
  }

  async consistencyProof(older: number, newer: number): Promise<E.Either<string, TreeHash[]>> {
    await this.appended;
    return this.tree.consistencyProof(older, newer);
  }
}
