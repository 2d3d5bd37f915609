import { createHash } from 'node:crypto';

/** Every hash in the tree is a SHA-256 digest. */
export const HASH_BYTES = 32;

/** A SHA-256 digest; a Buffer is one too. */
export type TreeHash = Uint8Array;

const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);

/** RFC 9162 §2.1.1: the hash of the empty tree is the hash of nothing. */
export const emptyTreeHash = (): TreeHash => createHash('sha256').digest();

/** RFC 9162 §2.1.1: a leaf is hashed behind 0x00, so no leaf can pass for an inner node. */
export const leafHash = (leaf: Uint8Array): TreeHash => createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();

/** RFC 9162 §2.1.1: an inner node is hashed behind 0x01. */
export const nodeHash = (left: Uint8Array, right: Uint8Array): TreeHash =>
  createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();

/**
 * The leaf of an event: its canonical content (`canonicalContent`, UTF-8) hashed as a leaf. It covers
 * the event alone, not its place in a chain, so whoever holds one event can compute its leaf.
 */
export const eventLeafHash = (canonicalContent: string): TreeHash => leafHash(Buffer.from(canonicalContent, 'utf8'));

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
