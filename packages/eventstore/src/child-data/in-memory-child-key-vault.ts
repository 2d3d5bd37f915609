import { randomUUID } from 'node:crypto';
import type { ChildKeyVault, ChildKeyWrappingState, Rewrap, WrapAt, WrappedChildKey } from './child-key-vault';

/** Wrapped keys in the process's memory: the `memory:` store and tests. */
export class InMemoryChildKeyVault implements ChildKeyVault {
  private readonly storeId = randomUUID();
  private readonly keys = new Map<string, WrappedChildKey>();
  private readonly erasures = new Map<string, string>();
  private generation = 0;
  private owed = false;

  async state(): Promise<ChildKeyWrappingState> {
    return { storeId: this.storeId, generation: this.generation, rotationOwed: this.owed };
  }

  async holdsWrappedKeys(): Promise<boolean> {
    return [...this.keys.values()].some((key) => key.generation > 0);
  }

  async byChild(childRef: string): Promise<WrappedChildKey | 'erased' | undefined> {
    return this.erasures.has(childRef) ? 'erased' : this.keys.get(childRef);
  }

  async byKeyId(keyId: string): Promise<WrappedChildKey | undefined> {
    return [...this.keys.values()].find((key) => key.keyId === keyId);
  }

  async isErased(childRef: string): Promise<boolean> {
    return this.erasures.has(childRef);
  }

  async create(childRef: string, keyId: string, wrapAt: WrapAt): Promise<WrappedChildKey | 'erased'> {
    for (;;) {
      const generation = this.generation;
      const wrapped = await wrapAt(generation);
      // Checked again after the wrapping: another writer, an erasure or a rotation may have come first.
      if (this.erasures.has(childRef)) return 'erased';
      const known = this.keys.get(childRef);
      if (known !== undefined) return known;
      if (generation !== this.generation) continue;
      const created = { childRef, keyId, generation, wrapped };
      this.keys.set(childRef, created);
      return created;
    }
  }

  async erase(childRef: string, on: string): Promise<boolean> {
    if (this.keys.delete(childRef)) this.owed = true;
    if (!this.erasures.has(childRef)) this.erasures.set(childRef, on);
    return this.owed;
  }

  async rewrapAll(from: number, to: number, rewrap: Rewrap): Promise<void> {
    if (this.generation !== from) return;
    // An erasure while the keys are re-wrapped owes the next rotation.
    this.owed = false;
    for (;;) {
      const pending = [...this.keys.values()].filter((key) => key.generation !== to);
      if (pending.length === 0) break;
      for (const key of pending) {
        const wrapped = await rewrap(key);
        if (this.keys.get(key.childRef) === key) this.keys.set(key.childRef, { ...key, generation: to, wrapped });
      }
    }
    this.generation = to;
  }

  async compact(): Promise<void> {
    // Nothing outlives a key dropped from the map but what the collector has yet to reuse.
  }
}
