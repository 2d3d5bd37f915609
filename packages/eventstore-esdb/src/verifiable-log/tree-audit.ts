/**
 * The tree sealed in EventStoreDB compared with the tree recomputed from `$all`: every chunk's ids,
 * last position, nodes and right edge, leaf by leaf. Proofs are read from the sealed chunks, so a
 * node changed there would give proofs that fail for an honest event; this finds it, and says where.
 * One pass over `$all` and the tree stream: what an audit of the whole store costs anyway.
 */
import type { EventStoreDBClient } from '@eventstore/db-client';
import {
  appendLeaf,
  EMPTY_RANGE,
  nodeKey,
  rangeRoot,
  type CompactRange,
  type EventStore,
  type StoredNode,
  type TreeHash,
} from '@coachline/eventstore';
import { chunkSize, sealChunk, type SealedLeaf, type TreeChunk } from './tree-chunk';
import { sealedLeafOf } from './tree-sealer';
import { chunkOfEvent, readForwards, TREE_CHUNKS_STREAM } from './tree-streams';

export type SealedTreeCheck =
  | {
      readonly kind: 'intact';
      /** Chunks sealed, each equal to its recomputation. */
      readonly chunks: number;
      /** The tree over all of `$all`, the tail after the last chunk included. */
      readonly size: number;
      readonly root: TreeHash;
    }
  | {
      readonly kind: 'altered';
      readonly chunk: number;
      /** What differs, for a person to read. */
      readonly reason: string;
    };

const hex = (hash: TreeHash): string => Buffer.from(hash).toString('hex');

const differingNode = (stored: readonly StoredNode[], computed: readonly StoredNode[]): string | undefined => {
  if (stored.length !== computed.length) return `${stored.length} nodes instead of ${computed.length}`;
  const at = computed.findIndex((node, index) => hex(node.hash) !== hex((stored[index] as StoredNode).hash));
  return at < 0 ? undefined : `node ${nodeKey(computed[at] as StoredNode)}`;
};

/** Why a sealed chunk is not the one `$all` gives, or undefined when it is. */
const difference = (stored: TreeChunk, computed: TreeChunk): string | undefined => {
  if (stored.leaves !== computed.leaves) return `${stored.leaves} leaves per chunk instead of ${computed.leaves}`;
  if (stored.lastPosition !== computed.lastPosition) {
    return `it ends at position ${stored.lastPosition}, $all's leaf ${chunkSize(computed) - 1} is at ${computed.lastPosition}`;
  }
  const id = computed.esdbIds.findIndex((esdbId, at) => stored.esdbIds[at] !== esdbId);
  if (id >= 0) return `leaf ${computed.number * computed.leaves + id} names another event`;
  const node = differingNode(stored.nodes, computed.nodes);
  if (node !== undefined) return `${node} differs`;
  const peak = differingNode(stored.peaks, computed.peaks);
  return peak === undefined ? undefined : `its right edge (${peak}) differs`;
};

/** Reads the next sealed chunk; one that does not even decode is altered too. */
const nextStored = async (
  chunks: AsyncIterator<Parameters<typeof chunkOfEvent>[0]>,
  number: number,
): Promise<TreeChunk | undefined | { readonly unreadable: string }> => {
  const next = await chunks.next();
  if (next.done === true) return undefined;
  try {
    return chunkOfEvent(next.value);
  } catch (error) {
    return { unreadable: error instanceof Error ? error.message : `chunk ${number} cannot be read` };
  }
};

/** Compares every sealed chunk with the one `$all` gives now. */
export const compareWithAll = async (client: EventStoreDBClient, events: EventStore): Promise<SealedTreeCheck> => {
  const chunks = readForwards(client, TREE_CHUNKS_STREAM, 0)[Symbol.asyncIterator]();
  try {
    let stored = await nextStored(chunks, 0);
    let number = 0;
    let range: CompactRange = EMPTY_RANGE;
    let pending: SealedLeaf[] = [];
    for await (const event of events.readAll()) {
      if (stored === undefined) {
        range = appendLeaf(range, sealedLeafOf(event).hash).range;
        continue;
      }
      if ('unreadable' in stored) return { kind: 'altered', chunk: number, reason: stored.unreadable };
      pending.push(sealedLeafOf(event));
      if (pending.length < stored.leaves) continue;
      const computed = sealChunk(number, pending, range);
      const reason = difference(stored, computed.chunk);
      if (reason !== undefined) return { kind: 'altered', chunk: number, reason };
      range = computed.range;
      pending = [];
      number += 1;
      stored = await nextStored(chunks, number);
    }
    if (stored !== undefined) {
      const reason = 'unreadable' in stored ? stored.unreadable : 'it is sealed over events $all does not hold';
      return { kind: 'altered', chunk: number, reason };
    }
    for (const leaf of pending) range = appendLeaf(range, leaf.hash).range;
    return { kind: 'intact', chunks: number, size: range.size, root: rangeRoot(range) };
  } finally {
    await chunks.return?.();
  }
};
