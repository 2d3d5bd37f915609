import { createHash, hash } from 'node:crypto';
import { eventLeafHex } from '../sealed-event';

/** Every hash in the tree is a SHA-256 digest. */
export const HASH_BYTES = 32;

/** A SHA-256 digest; a Buffer is one too. */
export type TreeHash = Uint8Array;

const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);

// The one-shot digest costs a third of a createHash chain on inputs this small, and an append hashes
// about two of them per event, under the writers' lock. Asked for a Buffer it takes that slow chain
// after all (Node 20), so the digest comes out as latin1 text, one character per byte, and is copied
// back: a third of the time again. One input buffer serves every node: nothing awaits between filling
// and hashing it.
const sha256 = (input: Uint8Array | string): TreeHash => Buffer.from(hash('sha256', input, 'binary'), 'latin1');
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
 * the one byte 0x00 in UTF-8.)
 */
export const eventLeafHash = (canonicalContent: string): TreeHash => Buffer.from(eventLeafHex(canonicalContent), 'hex');

/**
 * `nodeHash` of two hashes given in hex (64 digits each, which the caller vouches for), in hex: the
 * write path's form, since a writer stores the nodes as text and a Buffer per hash cost it more (in
 * the collector) than the hashing.
 */
export const nodeHashHex = (leftHex: string, rightHex: string): string => {
  nodeInput.write(leftHex, 1, 'hex');
  nodeInput.write(rightHex, 1 + HASH_BYTES, 'hex');
  return hash('sha256', nodeInput, 'hex');
};

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
