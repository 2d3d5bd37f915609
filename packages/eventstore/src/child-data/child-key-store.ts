/**
 * Where each child's data key lives (rule 11). Child-identifying fields are sealed under a key
 * per child; destroying the key is how a family's erasure request is honoured while the events
 * themselves stay immutable.
 */
export interface ChildKey {
  readonly keyId: string;
  /** 32 random bytes (AES-256). */
  readonly key: Uint8Array;
}

export interface ChildKeyStore {
  /**
   * The child's key, created (random, with a fresh key id) on first use; `'erased'` once the
   * child's data was erased, for which no key is ever created again.
   */
  keyFor(childRef: string): Promise<ChildKey | 'erased'>;
  /** The key with this id, `undefined` when it was destroyed or never existed here. */
  find(keyId: string): Promise<ChildKey | undefined>;
  /** True once `erase` was called for the child. */
  isErased(childRef: string): Promise<boolean>;
  /** Destroys the child's key and keeps a tombstone of the erasure; idempotent. */
  erase(childRef: string, on: string): Promise<void>;
}
