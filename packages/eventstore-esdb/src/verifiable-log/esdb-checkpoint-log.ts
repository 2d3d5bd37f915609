/**
 * Signed checkpoints and their verifier keys in EventStoreDB bookkeeping streams (tree-streams.ts).
 * EventStoreDB has no unique index, so the rule "the first checkpoint of a size stands" is kept on
 * reading: every reader takes the first event of each size and ignores any later one, so two writers
 * racing on the same size agree on which counts. A writer skips sizes it already sees, which keeps
 * the stream from growing on repeats. Each process reads a stream once and then only what is new.
 */
import { ANY, jsonEvent, type EventStoreDBClient } from '@eventstore/db-client';
import type { CheckpointLog, StoredCheckpoint } from '@coachline/eventstore';
import {
  CHECKPOINT_KEYS_STREAM,
  CHECKPOINT_SAVED,
  CheckpointData,
  CHECKPOINTS_STREAM,
  decodeOrThrow,
  readForwards,
  VERIFIER_KEY_PUBLISHED,
  VerifierKeyData,
} from './tree-streams';

/** What a process has read of one stream: the events it counted, and the revision to read on from. */
interface Followed<A> {
  readonly items: A[];
  nextRevision: number;
}

export class EsdbCheckpointLog implements CheckpointLog {
  private readonly checkpoints: Followed<StoredCheckpoint> = { items: [], nextRevision: 0 };
  private readonly bySize = new Map<number, StoredCheckpoint>();
  private readonly keys: Followed<string> = { items: [], nextRevision: 0 };

  constructor(private readonly client: EventStoreDBClient) {}

  async save(checkpoint: StoredCheckpoint): Promise<void> {
    if ((await this.atSize(checkpoint.size)) !== undefined) return;
    const { size, note, signedAt } = checkpoint;
    await this.client.appendToStream(
      CHECKPOINTS_STREAM,
      [jsonEvent({ type: CHECKPOINT_SAVED, data: { size, note, signedAt } })],
      { expectedRevision: ANY },
    );
  }

  async latest(): Promise<StoredCheckpoint | undefined> {
    return (await this.sorted()).at(-1);
  }

  async atSize(size: number): Promise<StoredCheckpoint | undefined> {
    await this.readCheckpoints();
    return this.bySize.get(size);
  }

  async covering(size: number): Promise<StoredCheckpoint | undefined> {
    return (await this.sorted()).find((checkpoint) => checkpoint.size >= size);
  }

  async list(options: { readonly after?: number; readonly limit?: number } = {}): Promise<StoredCheckpoint[]> {
    const after = options.after ?? 0;
    const later = (await this.sorted()).filter((checkpoint) => checkpoint.size > after);
    return options.limit === undefined ? later : later.slice(0, Math.max(0, options.limit));
  }

  async publishedKeys(): Promise<string[]> {
    await this.readKeys();
    return [...this.keys.items];
  }

  async publishKey(verifierKey: string): Promise<void> {
    if ((await this.publishedKeys()).includes(verifierKey)) return;
    await this.client.appendToStream(
      CHECKPOINT_KEYS_STREAM,
      [jsonEvent({ type: VERIFIER_KEY_PUBLISHED, data: { verifierKey } })],
      { expectedRevision: ANY },
    );
  }

  private async sorted(): Promise<StoredCheckpoint[]> {
    await this.readCheckpoints();
    return [...this.checkpoints.items].sort((a, b) => a.size - b.size);
  }

  private async readCheckpoints(): Promise<void> {
    for await (const resolved of readForwards(this.client, CHECKPOINTS_STREAM, this.checkpoints.nextRevision)) {
      const recorded = resolved.event;
      if (recorded === undefined) continue;
      this.checkpoints.nextRevision = Number(recorded.revision) + 1;
      if (recorded.type !== CHECKPOINT_SAVED) continue;
      const saved = decodeOrThrow(CheckpointData, recorded.data, `${CHECKPOINTS_STREAM}@${recorded.revision}`);
      if (this.bySize.has(saved.size)) continue;
      const checkpoint: StoredCheckpoint = { size: saved.size, note: saved.note, signedAt: saved.signedAt };
      this.bySize.set(checkpoint.size, checkpoint);
      this.checkpoints.items.push(checkpoint);
    }
  }

  private async readKeys(): Promise<void> {
    for await (const resolved of readForwards(this.client, CHECKPOINT_KEYS_STREAM, this.keys.nextRevision)) {
      const recorded = resolved.event;
      if (recorded === undefined) continue;
      this.keys.nextRevision = Number(recorded.revision) + 1;
      if (recorded.type !== VERIFIER_KEY_PUBLISHED) continue;
      const { verifierKey } = decodeOrThrow(
        VerifierKeyData,
        recorded.data,
        `${CHECKPOINT_KEYS_STREAM}@${recorded.revision}`,
      );
      if (!this.keys.items.includes(verifierKey)) this.keys.items.push(verifierKey);
    }
  }
}
