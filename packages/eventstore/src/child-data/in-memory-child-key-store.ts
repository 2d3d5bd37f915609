import { randomBytes, randomUUID } from 'node:crypto';
import type { ChildKey, ChildKeyStore } from './child-key-store';

/** Keys in the process's memory: tests and the `memory:` store. */
export class InMemoryChildKeyStore implements ChildKeyStore {
  private readonly byChild = new Map<string, ChildKey>();
  private readonly byKeyId = new Map<string, ChildKey>();
  private readonly erasures = new Map<string, string>();

  async keyFor(childRef: string): Promise<ChildKey | 'erased'> {
    if (this.erasures.has(childRef)) return 'erased';
    const known = this.byChild.get(childRef);
    if (known) return known;
    const created: ChildKey = { keyId: randomUUID(), key: randomBytes(32) };
    this.byChild.set(childRef, created);
    this.byKeyId.set(created.keyId, created);
    return created;
  }

  async find(keyId: string): Promise<ChildKey | undefined> {
    return this.byKeyId.get(keyId);
  }

  async isErased(childRef: string): Promise<boolean> {
    return this.erasures.has(childRef);
  }

  async erase(childRef: string, on: string): Promise<void> {
    const key = this.byChild.get(childRef);
    if (key) {
      // Overwritten before it is dropped, so the bytes do not wait for the collector.
      (key.key as Uint8Array).fill(0);
      this.byKeyId.delete(key.keyId);
      this.byChild.delete(childRef);
    }
    if (!this.erasures.has(childRef)) this.erasures.set(childRef, on);
  }
}
