import { randomBytes, randomUUID } from 'node:crypto';
import type { ChildKey, ChildKeyStore } from './child-key-store';
import type { ChildKeyVault, ChildKeyWrappingState, WrappedChildKey } from './child-key-vault';
import { KeyFileError, type KeyEncryptionKeyFile } from './key-file';
import { newKeyEncryptionKey, unwrapChildKey, wrapChildKey, type KeyEncryptionKey } from './key-wrapping';

/** Rounds of rotation one call runs before leaving what is still owed to the process that owes it. */
const MAX_ROTATION_ROUNDS = 3;

const describeGenerations = (generations: ReadonlyArray<number>): string =>
  generations.length === 0 ? 'none' : generations.map(String).join(', ');

/**
 * Children's keys kept wrapped under a key-encryption key that lives outside the database (rule
 * 11). Erasing a child destroys its wrapped key and then rotates the key-encryption key: every
 * live key is re-wrapped under a new one, the key file is replaced, and only then is the old key
 * forgotten, so no older wrapped copy (write-ahead log, backup, replica, an old stream event)
 * opens anything, including the erased child's key.
 *
 * Each wrapped key carries the generation it was wrapped under, and the key file keeps the
 * generations still in use: a rotation cut short at any point is finished at the next opening
 * (never undone), and a generation leaves the file only once no key is wrapped under it.
 */
export class WrappedChildKeyStore implements ChildKeyStore {
  /** The key-encryption keys this process holds, by generation: the key file's, as last read. */
  private readonly keks = new Map<number, KeyEncryptionKey>();
  private storeId: string | undefined;
  private prepared: Promise<void> | undefined;
  private rotations: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly vault: ChildKeyVault,
    private readonly file: KeyEncryptionKeyFile,
  ) {}

  /**
   * Readies the store once: checks the key file holds the generations the store's keys are
   * wrapped under (creating it for a store that holds no wrapped key yet), wraps the raw keys of
   * a store from before wrapping, and finishes a rotation that was cut short or is owed. Every
   * other method waits for it; `openChildKeyStore` runs it up front so a wrong key file stops a
   * process at start.
   */
  prepare(): Promise<void> {
    this.prepared ??= this.recover().catch((error: unknown) => {
      this.prepared = undefined;
      throw error;
    });
    return this.prepared;
  }

  async keyFor(childRef: string): Promise<ChildKey | 'erased'> {
    await this.prepare();
    const found = await this.opened(() => this.vault.byChild(childRef));
    if (found !== undefined) return found;
    const fresh: ChildKey = { keyId: randomUUID(), key: randomBytes(32) };
    const stored = await this.vault.create(childRef, fresh.keyId, (generation) =>
      this.wrapNew(fresh, childRef, generation),
    );
    if (stored === 'erased') return 'erased';
    if (stored.keyId === fresh.keyId) return fresh;
    // Another writer made the child's key first: its key is the child's.
    (fresh.key as Uint8Array).fill(0);
    const winner = await this.opened(() => this.vault.byChild(childRef));
    if (winner === undefined) throw new Error('The child’s key could neither be read nor created.');
    return winner;
  }

  async find(keyId: string): Promise<ChildKey | undefined> {
    await this.prepare();
    return this.opened(() => this.vault.byKeyId(keyId));
  }

  async isErased(childRef: string): Promise<boolean> {
    await this.prepare();
    return this.vault.isErased(childRef);
  }

  async erase(childRef: string, on: string): Promise<void> {
    await this.prepare();
    if (await this.vault.erase(childRef, on)) await this.rotate();
  }

  private async recover(): Promise<void> {
    const state = await this.vault.state();
    this.storeId = state.storeId;
    let keys = await this.file.read(state.storeId);
    if (keys === undefined || keys.length === 0) {
      if (await this.vault.holdsWrappedKeys()) {
        throw new KeyFileError(
          keys === undefined
            ? `The key file ${this.file.location} does not exist, and this store's children's keys are wrapped under a key-encryption key of generation ${state.generation}: point Coachline at the store's key file (COACHLINE_KEY_FILE, --key-file); a new one would open none of them.`
            : `The key file ${this.file.location} holds no key-encryption key for this store (id ${state.storeId}), whose children's keys are wrapped under generation ${state.generation}: it is another store's key file.`,
        );
      }
      // A new store, one from before wrapping, or one whose wrapped keys were all erased.
      const first = Math.max(state.generation, state.rotatingTo ?? 0) + 1;
      keys = await this.file.update(state.storeId, async (current) =>
        current.length > 0 ? undefined : [newKeyEncryptionKey(first)],
      );
    }
    this.remember(keys);
    const missing = [state.generation, state.rotatingTo ?? 0].filter(
      (generation) => generation > 0 && !this.keks.has(generation),
    );
    if (missing.length > 0 && (await this.vault.holdsWrappedKeys())) {
      throw new KeyFileError(
        `The key file ${this.file.location} holds key-encryption keys of generation ${describeGenerations([...this.keks.keys()])} for this store, whose children's keys are wrapped under generation ${describeGenerations(missing)}: it is not the key file this store was last used with (restore the one that goes with the database; docs/privacy.md).`,
      );
    }
    await this.rotate();
  }

  /** Rotations run one at a time in a process; the vault keeps several processes' apart. */
  private rotate(): Promise<void> {
    const run = this.rotations.then(() => this.settle());
    this.rotations = run.catch(() => undefined);
    return run;
  }

  /**
   * Brings the store to one generation: rotates while a rotation is owed or under way, then drops
   * the generations no key is wrapped under any more from the key file (and from memory).
   */
  private async settle(): Promise<void> {
    for (let round = 0; round < MAX_ROTATION_ROUNDS; round++) {
      const state = await this.vault.state();
      await this.reload();
      if (!this.behind(state)) {
        if ([...this.keks.keys()].some((generation) => generation < state.generation)) await this.forgetOlder();
        return;
      }
      const to = state.rotatingTo ?? (await this.nextGeneration(state.generation));
      await this.vault.rewrapAll(state.generation, to, (key) => this.rewrap(key, to));
      await this.vault.compact();
      await this.forgetOlder();
    }
  }

  private behind(state: ChildKeyWrappingState): boolean {
    return (
      state.generation === 0 ||
      state.rotatingTo !== undefined ||
      state.rotationOwed ||
      [...this.keks.keys()].some((generation) => generation > state.generation)
    );
  }

  /** The generation to rotate to: one the key file has past `from` already (a rotation cut short), or a new key. */
  private async nextGeneration(from: number): Promise<number> {
    const keys = await this.file.update(this.requireStoreId(), async (current) =>
      current.some((kek) => kek.generation > from) ? undefined : [...current, newKeyEncryptionKey(from + 1)],
    );
    this.remember(keys);
    return Math.max(...keys.map((kek) => kek.generation));
  }

  /** Drops from the key file every generation older than the store's: no key is wrapped under them any more. */
  private async forgetOlder(): Promise<void> {
    const keys = await this.file.update(this.requireStoreId(), async (current) => {
      const { generation } = await this.vault.state();
      if (!current.some((kek) => kek.generation === generation)) return undefined;
      const kept = current.filter((kek) => kek.generation >= generation);
      return kept.length === current.length ? undefined : kept;
    });
    this.remember(keys);
  }

  private async reload(): Promise<void> {
    this.remember((await this.file.read(this.requireStoreId())) ?? []);
  }

  /** Holds exactly the keys given; a forgotten key's bytes are overwritten before they are dropped. */
  private remember(keys: ReadonlyArray<KeyEncryptionKey>): void {
    const generations = new Set(keys.map((kek) => kek.generation));
    for (const [generation, kek] of this.keks) {
      if (generations.has(generation)) continue;
      (kek.key as Uint8Array).fill(0);
      this.keks.delete(generation);
    }
    for (const kek of keys) if (!this.keks.has(kek.generation)) this.keks.set(kek.generation, kek);
  }

  /**
   * Runs `use` with the key-encryption key of a generation, read again from the key file when this
   * process does not hold it. The key is taken and used in one synchronous step, so a rotation
   * finishing meanwhile cannot overwrite it halfway.
   */
  private async withKek<T>(generation: number, use: (kek: KeyEncryptionKey) => T): Promise<T> {
    if (!this.keks.has(generation)) await this.reload();
    const kek = this.keks.get(generation);
    if (kek === undefined) {
      throw new KeyFileError(
        `The key file ${this.file.location} holds no key-encryption key of generation ${generation}, which a child key of this store is wrapped under (it holds ${describeGenerations([...this.keks.keys()])}).`,
      );
    }
    return use(kek);
  }

  private unwrap(stored: WrappedChildKey): Promise<ChildKey> {
    // A raw key of a store from before wrapping, until the first opening wraps it.
    if (stored.generation === 0) return Promise.resolve({ keyId: stored.keyId, key: Buffer.from(stored.wrapped) });
    return this.withKek(stored.generation, (kek) => unwrapChildKey(stored.wrapped, stored.keyId, stored.childRef, kek));
  }

  /**
   * The key a read finds, opened. A rotation can re-wrap it and forget the old generation between
   * the read and the opening; the key is then read again, at its new generation.
   */
  private async opened<R extends 'erased' | undefined>(
    read: () => Promise<WrappedChildKey | R>,
  ): Promise<ChildKey | R> {
    for (let attempt = 1; ; attempt++) {
      const found = await read();
      if (found === undefined || found === 'erased') return found as R;
      try {
        return await this.unwrap(found);
      } catch (error) {
        if (attempt >= MAX_ROTATION_ROUNDS) throw error;
      }
    }
  }

  private wrapNew(key: ChildKey, childRef: string, generation: number): Promise<Uint8Array> {
    if (generation < 1) throw new Error('The store has no key-encryption key yet: it was not prepared.');
    return this.withKek(generation, (kek) => wrapChildKey(key, childRef, kek));
  }

  private async rewrap(stored: WrappedChildKey, to: number): Promise<Uint8Array> {
    const key = await this.unwrap(stored);
    try {
      return await this.withKek(to, (kek) => wrapChildKey(key, stored.childRef, kek));
    } finally {
      (key.key as Uint8Array).fill(0);
    }
  }

  private requireStoreId(): string {
    if (this.storeId === undefined) throw new Error('The store was not prepared.');
    return this.storeId;
  }
}

/** The key store over an adapter's vault and a key file, ready: see `WrappedChildKeyStore.prepare`. */
export const openChildKeyStore = async (
  vault: ChildKeyVault,
  file: KeyEncryptionKeyFile,
): Promise<WrappedChildKeyStore> => {
  const keys = new WrappedChildKeyStore(vault, file);
  await keys.prepare();
  return keys;
};
