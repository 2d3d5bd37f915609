import type * as E from 'fp-ts/Either';
import type { TreeHash } from '../integrity/merkle/tree-hash';

/** A tree's size (its number of leaves) and root hash. */
export interface TreeHead {
  readonly size: number;
  readonly root: TreeHash;
}

/**
 * The Merkle tree (RFC 9162) an engine keeps over its global order: leaf `i` is the event at the
 * `i`-th place of that order (from 0), hashed by `eventLeafHash` of its canonical content. The tree
 * only ever grows on its right, so every proof any earlier size gave stays true.
 *
 * Refusals the caller caused (a size the tree never had, an event it does not hold) are `left`
 * values; a store that fails or lacks a node it should hold throws.
 */
export interface VerifiableLog {
  /** The tree over every event sealed so far: on PostgreSQL and in memory every event stored. */
  treeHead(): Promise<TreeHead>;
  /** The root the tree had at `size` (0 ≤ size ≤ the head's size). */
  rootAt(size: number): Promise<E.Either<string, TreeHash>>;
  /** The leaf index of the event with `eventId`; `undefined` when the tree holds no such event yet. */
  leafIndexOf(eventId: string): Promise<number | undefined>;
  /** The audit path of leaf `index` in the tree of `size` leaves (RFC 9162 §2.1.3.1). */
  inclusionProof(index: number, size: number): Promise<E.Either<string, TreeHash[]>>;
  /** The proof that the tree of `newer` leaves extends the tree of `older` (RFC 9162 §2.1.4.1). */
  consistencyProof(older: number, newer: number): Promise<E.Either<string, TreeHash[]>>;
}

/** A signed checkpoint as a store keeps it: the C2SP signed note and the tree size it names. */
export interface StoredCheckpoint {
  readonly size: number;
  /** The signed note, text and signature lines, exactly as signed. */
  readonly note: string;
  /** When it was signed (ISO 8601, UTC). */
  readonly signedAt: string;
}

/**
 * The signed checkpoints a store publishes, and the verifier key they are signed under. Kept in the
 * store itself, beside the events, so a copy of the store carries them; the private key never is.
 */
export interface CheckpointLog {
  /** Keeps a checkpoint; a second one for a size already kept is ignored (the first stands). */
  save(checkpoint: StoredCheckpoint): Promise<void>;
  /** The checkpoint of the largest tree, or `undefined` when none was signed yet. */
  latest(): Promise<StoredCheckpoint | undefined>;
  /** The checkpoint of exactly `size` leaves. */
  atSize(size: number): Promise<StoredCheckpoint | undefined>;
  /** The first checkpoint whose size is at least `size`: the one that covers the first `size` events. */
  covering(size: number): Promise<StoredCheckpoint | undefined>;
  /** Checkpoints by size, ascending, of sizes greater than `after` (default 0), at most `limit`. */
  list(options?: { readonly after?: number; readonly limit?: number }): Promise<StoredCheckpoint[]>;
  /** Every C2SP verifier key (`<name>+<key id>+<key>`) published with the store, oldest first. */
  publishedKeys(): Promise<string[]>;
  /** Publishes the verifier key checkpoints are signed under; publishing a key already published is a no-op. */
  publishKey(verifierKey: string): Promise<void>;
}
