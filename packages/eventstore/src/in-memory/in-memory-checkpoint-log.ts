import { isTreeSize } from '../integrity/merkle/tree-hash';
import type { CheckpointLog, StoredCheckpoint } from '../verifiable-log';

/** The signed checkpoints of an in-memory store, ascending by size, and its published verifier keys. */
export class InMemoryCheckpointLog implements CheckpointLog {
  private readonly checkpoints: StoredCheckpoint[] = [];
  private readonly keys: string[] = [];

  async save(checkpoint: StoredCheckpoint): Promise<void> {
    const { size, note, signedAt } = checkpoint;
    if (!isTreeSize(size)) throw new RangeError(`A checkpoint cannot name a tree of ${size} leaves.`);
    const at = this.firstAtLeast(size);
    if (this.checkpoints[at]?.size === size) return;
    this.checkpoints.splice(at, 0, Object.freeze({ size, note, signedAt }));
  }

  async latest(): Promise<StoredCheckpoint | undefined> {
    return this.checkpoints.at(-1);
  }

  async atSize(size: number): Promise<StoredCheckpoint | undefined> {
    const found = this.checkpoints[this.firstAtLeast(size)];
    return found?.size === size ? found : undefined;
  }

  async covering(size: number): Promise<StoredCheckpoint | undefined> {
    return this.checkpoints[this.firstAtLeast(size)];
  }

  async list(options: { readonly after?: number; readonly limit?: number } = {}): Promise<StoredCheckpoint[]> {
    const { after = 0, limit = Number.POSITIVE_INFINITY } = options;
    const from = this.checkpoints.findIndex((checkpoint) => checkpoint.size > after);
    return from === -1 ? [] : this.checkpoints.slice(from, from + Math.max(0, limit));
  }

  async publishedKeys(): Promise<string[]> {
    return [...this.keys];
  }

  async publishKey(verifierKey: string): Promise<void> {
    if (!this.keys.includes(verifierKey)) this.keys.push(verifierKey);
  }

  /** Binary search: the place of the first checkpoint of `size` leaves or more. */
  private firstAtLeast(size: number): number {
    let [low, high] = [0, this.checkpoints.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.checkpoints[middle]!.size < size) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
