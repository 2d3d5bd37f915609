import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ChildKey } from './child-key-store';

/**
 * A key-encryption key: the one secret kept outside the database, under which every child's data
 * key is stored wrapped. Its generation grows by one at each rotation; a wrapped key names the
 * generation it was wrapped under.
 */
export interface KeyEncryptionKey {
  readonly generation: number;
  /** 32 random bytes (AES-256). */
  readonly key: Uint8Array;
}

/**
 * The first bytes of every wrapped key: its format, and a way to recognise a copy of one wherever
 * it ends up (a dump, a write-ahead log segment) when checking what an erasure left behind.
 */
export const WRAPPED_KEY_PREFIX = Buffer.from('clw1', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** prefix, iv, tag, the wrapped 32 bytes. */
export const WRAPPED_KEY_BYTES = WRAPPED_KEY_PREFIX.length + IV_BYTES + TAG_BYTES + KEY_BYTES;

/** A wrapped key that does not open with the key-encryption key of its generation. */
export class ChildKeyUnwrapError extends Error {
  override readonly name = 'ChildKeyUnwrapError';
  constructor(keyId: string, generation: number) {
    super(
      `The child key ${keyId} does not open with the key-encryption key of generation ${generation}: the key file is not this store's, or the wrapped key was altered.`,
    );
  }
}

// The key id, the child and the generation are authenticated with the key, so a wrapped key
// copied to another child's row, or relabelled with another generation, fails to open.
const additionalData = (keyId: string, childRef: string, generation: number): Buffer =>
  Buffer.from(JSON.stringify(['coachline-child-key', keyId, childRef, generation]), 'utf8');

export const newKeyEncryptionKey = (generation: number): KeyEncryptionKey => ({
  generation,
  key: randomBytes(KEY_BYTES),
});

/** The child's key sealed under the key-encryption key (AES-256-GCM, a fresh iv each time). */
export const wrapChildKey = (key: ChildKey, childRef: string, kek: KeyEncryptionKey): Buffer => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek.key, iv);
  cipher.setAAD(additionalData(key.keyId, childRef, kek.generation));
  const wrapped = Buffer.concat([cipher.update(key.key), cipher.final()]);
  return Buffer.concat([WRAPPED_KEY_PREFIX, iv, cipher.getAuthTag(), wrapped]);
};

/** The child's key; throws `ChildKeyUnwrapError` when this key-encryption key does not open it. */
export const unwrapChildKey = (
  wrapped: Uint8Array,
  keyId: string,
  childRef: string,
  kek: KeyEncryptionKey,
): ChildKey => {
  const bytes = Buffer.from(wrapped);
  if (bytes.length !== WRAPPED_KEY_BYTES || !bytes.subarray(0, WRAPPED_KEY_PREFIX.length).equals(WRAPPED_KEY_PREFIX)) {
    throw new ChildKeyUnwrapError(keyId, kek.generation);
  }
  let at = WRAPPED_KEY_PREFIX.length;
  const iv = bytes.subarray(at, (at += IV_BYTES));
  const tag = bytes.subarray(at, (at += TAG_BYTES));
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(keyId, childRef, kek.generation));
    decipher.setAuthTag(tag);
    return { keyId, key: Buffer.concat([decipher.update(bytes.subarray(at)), decipher.final()]) };
  } catch {
    throw new ChildKeyUnwrapError(keyId, kek.generation);
  }
};
