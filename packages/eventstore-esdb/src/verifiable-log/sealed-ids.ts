/**
 * The ids of sealed leaves a reader has met, so that `leafIndexOf` reads each chunk from the server
 * once: EventStoreDB has no index by event id. Held packed, 16 bytes an event (16 MB a million
 * events), and only filled by searches, never by proofs.
 */
import type { EventStoreDBClient } from '@eventstore/db-client';
import { packedIds, type TreeChunk } from './tree-chunk';
import { readChunksBackwards } from './tree-streams';

const ID_BYTES = 16;

/** Where the 16-byte id `needle` starts in `packed` at an id boundary, or -1. */
const idAt = (packed: Buffer, needle: Buffer): number => {
  for (let at = packed.indexOf(needle); at >= 0; at = packed.indexOf(needle, at + 1)) {
    if (at % ID_BYTES === 0) return at / ID_BYTES;
  }
  return -1;
};

export class SealedIds {
  private readonly byChunk = new Map<number, Buffer>();
  private leaves = 0;

  /** The leaf index of `esdbId` among the chunks up to `lastChunk`, reading from the server those not met yet. */
  async leafIndexOf(client: EventStoreDBClient, lastChunk: TreeChunk, esdbId: string): Promise<number | undefined> {
    this.leaves = lastChunk.leaves;
    const needle = packedIds([esdbId]);
    // Newest first: the events asked about are most often recent ones.
    for (let number = lastChunk.number; number >= 0; number--) {
      const packed = this.byChunk.get(number) ?? (await this.readFrom(client, number, needle));
      if (packed === undefined) continue;
      const at = idAt(packed, needle);
      if (at >= 0) return number * this.leaves + at;
    }
    return undefined;
  }

  /** Reads back from chunk `from` to the next one already met, keeping each; stops early at the id. */
  private async readFrom(client: EventStoreDBClient, from: number, needle: Buffer): Promise<Buffer | undefined> {
    for await (const chunk of readChunksBackwards(client, from)) {
      if (this.byChunk.has(chunk.number)) break;
      const packed = packedIds(chunk.esdbIds);
      this.byChunk.set(chunk.number, packed);
      if (idAt(packed, needle) >= 0) break;
    }
    return this.byChunk.get(from);
  }
}
