import { hash as digest } from 'node:crypto';
import { canonicalContentOf, chainHash, type CanonicalParts, type EventIntegrity } from './event-hash';

/** What a writer records of an event's content: its hash and chain, and its leaf in the Merkle tree. */
export interface SealedEvent extends EventIntegrity {
  /** `eventLeafHash` of the same content, in hex. */
  readonly leaf: string;
}

/** A tip hash this store writes: a hex SHA-256 digest, or '' before a stream's first event. */
const TIP_HASH = /^(?:[0-9a-f]{64})?$/;
const NEWLINE = 0x0a;
const LEAF_PREFIX = 0x00;
/** Where the content starts in the scratch buffer: room for a tip hash and the byte after it. */
const CONTENT_AT = 64 + 1;

// Both digests of an event cover its canonical content, behind `tip + '\n'` for its hash and behind
// 0x00 for its leaf. Hashing a string behind a prefix makes Node join and flatten the two first, which
// cost more than the digest (three times more behind U+0000), so the content is encoded once into this
// buffer and each digest reads its own window of it. Nothing awaits between filling and hashing, so one
// buffer serves every writer.
let scratch = Buffer.allocUnsafe(CONTENT_AT + 4096);

/** Encodes the content behind the prefixes' room; answers where it ends. */
const encodeContent = (content: string): number => {
  // UTF-8 takes at most three bytes for each UTF-16 unit, so the write is never cut short.
  if (CONTENT_AT + content.length * 3 > scratch.length) scratch = Buffer.allocUnsafe(CONTENT_AT + content.length * 3);
  return CONTENT_AT + scratch.write(content, CONTENT_AT, 'utf8');
};

const eventHashOfEncoded = (previousStreamHash: string, content: string, end: number): string => {
  // Not a tip this store wrote: the definition decides what it hashes to.
  if (!TIP_HASH.test(previousStreamHash)) return digest('sha256', `${previousStreamHash}\n${content}`, 'hex');
  const start = CONTENT_AT - 1 - previousStreamHash.length;
  scratch.write(previousStreamHash, start, 'latin1');
  scratch[CONTENT_AT - 1] = NEWLINE;
  return digest('sha256', scratch.subarray(start, end), 'hex');
};

const leafOfEncoded = (end: number): string => {
  scratch[CONTENT_AT - 1] = LEAF_PREFIX;
  return digest('sha256', scratch.subarray(CONTENT_AT - 1, end), 'hex');
};

/**
 * The next event's hash and chain from its canonical content: `nextIntegrity`'s write-path form (a
 * writer serializes the content once). A property test holds the two equal.
 */
export const nextIntegrityOfContent = (
  previousStreamHash: string,
  previousChain: string,
  content: string,
): EventIntegrity => {
  const hash = eventHashOfEncoded(previousStreamHash, content, encodeContent(content));
  return { hash, chain: chainHash(previousChain, hash) };
};

/** The integrity of the next event from canonical parts. */
export const nextIntegrityOfCanonical = (
  previousStreamHash: string,
  previousChain: string,
  parts: CanonicalParts,
): EventIntegrity => nextIntegrityOfContent(previousStreamHash, previousChain, canonicalContentOf(parts));

/** `nextIntegrityOfContent` and the event's tree leaf, from one encoding of its content. */
export const sealEvent = (previousStreamHash: string, previousChain: string, content: string): SealedEvent => {
  const end = encodeContent(content);
  const hash = eventHashOfEncoded(previousStreamHash, content, end);
  return { hash, chain: chainHash(previousChain, hash), leaf: leafOfEncoded(end) };
};

/** `eventLeafHash` in hex: the form a writer stores the tree in. */
export const eventLeafHex = (content: string): string => leafOfEncoded(encodeContent(content));
