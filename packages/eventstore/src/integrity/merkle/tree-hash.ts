import { createHash, hash } from 'node:crypto';

/** Every hash in the tree is a SHA-256 digest. */
export const HASH_BYTES = 32;

/** A SHA-256 digest; a Buffer is one too. */
export type TreeHash = Uint8Array;

const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);

// The one-shot digest costs a third of a createHash chain on inputs this small, and an append hashes
// about two of them per event, under the writers' lock. One input buffer serves every node: nothing
// awaits between filling and hashing it.
const sha256 = (input: Uint8Array | string): TreeHash => hash('sha256', input, 'buffer') as unknown as Buffer;
const nodeInput = Buffer.concat([NODE_PREFIX, Buffer.alloc(2 * HASH_BYTES)]);

/** RFC 9162 §2.1.1: the hash of the empty tree is the hash of nothing. */
export const emptyTreeHash = (): TreeHash => createHash('sha256').digest();

/** RFC 9162 §2.1.1: a leaf is hashed behind 0x00, so no leaf can pass for an inner node. */
export const leafHash = (leaf: Uint8Array): TreeHash => sha256(Buffer.concat([LEAF_PREFIX, leaf]));

/** RFC 9162 §2.1.1: an inner node is hashed behind 0x01. */
export const nodeHash = (left: Uint8Array, right: Uint8Array): TreeHash => {
  if (left.length !== HASH_BYTES || right.length !== HASH_BYTES)
    return sha256(Buffer.concat([NODE_PREFIX, left, right]));
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_BYTES);
  return sha256(nodeInput);
};

/**
 * The leaf of an event: its canonical content (`canonicalContent`, UTF-8) hashed as a leaf. It covers
 * the event alone, not its place in a chain, so whoever holds one event can compute its leaf. (U+0000 is
 * the one byte 0x00 in UTF-8: the leaf prefix, put before the text rather than copying it into a Buffer.)
 */
export const eventLeafHash = (canonicalContent: string): TreeHash => sha256(`\u0000${canonicalContent}`);

/** The largest power of two smaller than `n` (n ≥ 2): where a tree of n leaves splits. */
export const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/**
 * The root by the recursive definition of RFC 9162 §2.1.1, from every leaf hash: the reference the
 * incremental tree is checked against, and O(n) — never what a store uses.
 */
export const recursiveRoot = (leafHashes: readonly TreeHash[]): TreeHash => {
  if (leafHashes.length === 0) return emptyTreeHash();
  if (leafHashes.length === 1) return leafHashes[0] as TreeHash;
  const k = splitPoint(leafHashes.length);
  return nodeHash(recursiveRoot(leafHashes.slice(0, k)), recursiveRoot(leafHashes.slice(k)));
};

/** Byte equality without a throw on differing lengths. */
export const sameHash = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length &&
  Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0;

export const isTreeHash = (value: unknown): value is TreeHash =>
  value instanceof Uint8Array && value.length === HASH_BYTES;

/** A tree size or leaf index: a whole number a double holds exactly. */
export const isTreeSize = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
