/**
 * Where an adapter keeps children's keys: wrapped, each with the generation of the key-encryption
 * key it was wrapped under, beside the tombstones of erased children. The vault never holds a
 * key-encryption key and never sees a child's key in the clear, except the raw keys of a store
 * written before wrapping (generation 0), which the first opening wraps.
 */
export interface WrappedChildKey {
  readonly childRef: string;
  readonly keyId: string;
  /** The key-encryption key's generation; 0 for a raw key kept by a store from before wrapping. */
  readonly generation: number;
  /** The wrapped key (`wrapChildKey`); the raw 32 bytes at generation 0. */
  readonly wrapped: Uint8Array;
}

export interface ChildKeyWrappingState {
  /** Identifies the store, so one key file can hold the key-encryption keys of several. */
  readonly storeId: string;
  /** The generation every live key is wrapped under once no rotation is under way; 0 before the first. */
  readonly generation: number;
  /** The generation a rotation started and did not finish is moving the keys to. */
  readonly rotatingTo?: number;
  /** A key was destroyed since the last rotation: its older wrapped copies still open until the next. */
  readonly rotationOwed: boolean;
}

/** Wraps a new child's key under the key-encryption key of the generation the vault names. */
export type WrapAt = (generation: number) => Promise<Uint8Array>;

/** Re-wraps a stored key under the rotation's new key-encryption key. */
export type Rewrap = (key: WrappedChildKey) => Promise<Uint8Array>;

export interface ChildKeyVault {
  state(): Promise<ChildKeyWrappingState>;
  /** True when some live key is wrapped under a key-encryption key (generation above 0). */
  holdsWrappedKeys(): Promise<boolean>;
  /** The child's wrapped key; `'erased'` once the child was erased; `undefined` before its first key. */
  byChild(childRef: string): Promise<WrappedChildKey | 'erased' | undefined>;
  byKeyId(keyId: string): Promise<WrappedChildKey | undefined>;
  isErased(childRef: string): Promise<boolean>;
  /**
   * Stores a new key for the child, wrapped by `wrapAt` under the generation new keys take now,
   * unless the child is erased (`'erased'`) or already has a key (that key is returned). A key is
   * never left at a generation a rotation has moved past.
   */
  create(childRef: string, keyId: string, wrapAt: WrapAt): Promise<WrappedChildKey | 'erased'>;
  /**
   * Destroys the child's key and keeps the tombstone; idempotent. True when a rotation is owed
   * (this erasure destroyed a key, or an earlier one's rotation did not finish).
   */
  erase(childRef: string, on: string): Promise<boolean>;
  /**
   * Moves every live key from generation `from` (0: raw keys) to `to`, and the store with them,
   * clearing the rotation owed. Resumable: a call after a crash finishes what the last one began.
   * Does nothing when the store is past `from` already.
   */
  rewrapAll(from: number, to: number, rewrap: Rewrap): Promise<void>;
  /** Rewrites the vault's storage so that copies of deleted and re-wrapped keys leave its live files. */
  compact(): Promise<void>;
}
