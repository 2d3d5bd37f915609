/**
 * The tree over EventStoreDB's global order as any process reads it: the chunks sealed in the tree
 * stream, and the tail after the last one recomputed from `$all`, so the head always covers every
 * event stored, whether or not a sealer runs. A reader holds only the tail and the right edge of
 * the tree; a proof reads the few chunks its nodes lie in (O(log n) chunks, a few kept in memory).
 *
 * Costs: every call first reads the events after the last one it read (at most a chunk's worth when
 * a sealer keeps up) and makes one read of the tree stream, empty unless chunks were sealed since.
 * `leafIndexOf` has no index by id to ask (EventStoreDB keeps none): an event of the tail is found in
 * memory; any other by reading the sealed chunks from the newest back to the one listing its id,
 * about 110 KB per 1,024 events sealed after it, the first time: the ids read stay in memory
 * (sealed-ids.ts), so a later search, or one for an id the store does not hold, reads no chunk twice.
 */
import * as E from 'fp-ts/Either';
import type { EventStoreDBClient } from '@eventstore/db-client';
import {
  appendLeaf,
  EMPTY_RANGE,
  MerkleLog,
  nodeKey,
  rangeRoot,
  type CompactRange,
  type EventStore,
  type MerkleNodeStore,
  type StoredNode,
  type TreeHash,
  type TreeHead,
  type TreeNode,
  type VerifiableLog,
} from '@coachline/eventstore';
import { esdbEventId } from '../event-id';
import { chunkSize, rangeAfter, type SealedLeaf, type TreeChunk } from './tree-chunk';
import { sealedLeafOf } from './tree-sealer';
import { SealedIds } from './sealed-ids';
import { readChunk, readLastChunk, TREE_CHUNKS_STREAM } from './tree-streams';

/** Chunks whose nodes stay in memory for the proofs that follow: the upper nodes of proofs repeat. */
const CACHED_CHUNKS = 32;

/** What a reader knows: the last chunk sealed, and the leaves of `$all` after it. */
interface Tail {
  readonly lastChunk: TreeChunk | undefined;
  /** Leaves sealed in chunks: the index of the tail's first leaf. */
  readonly sealed: number;
  readonly leaves: SealedLeaf[];
  /** The nodes the tail's leaves completed, and the right edge of the last chunk. */
  readonly nodes: Map<string, TreeHash>;
  range: CompactRange;
  /** Position of the last event read. */
  after: number;
}

const emptyTail = (): Tail => ({
  lastChunk: undefined,
  sealed: 0,
  leaves: [],
  nodes: new Map(),
  range: EMPTY_RANGE,
  after: 0,
});

const keyed = (nodes: readonly StoredNode[]): Map<string, TreeHash> =>
  new Map(nodes.map((node) => [nodeKey(node), node.hash]));

/** The tail once `chunk` is sealed: its leaves dropped, the ones after it kept. */
const tailAfter = (tail: Tail, chunk: TreeChunk): Tail => {
  const sealed = chunkSize(chunk);
  const dropped = sealed - tail.sealed;
  if (dropped <= tail.leaves.length && dropped > 0) {
    const lastSealed = tail.leaves[dropped - 1] as SealedLeaf;
    if (lastSealed.position !== chunk.lastPosition) {
      throw new Error(
        `Chunk ${chunk.number} of ${TREE_CHUNKS_STREAM} ends at position ${chunk.lastPosition}, but leaf ${sealed - 1} of $all is at ${lastSealed.position}.`,
      );
    }
  }
  const fresh: Tail = {
    lastChunk: chunk,
    sealed,
    leaves: [],
    nodes: keyed(chunk.peaks),
    range: rangeAfter(chunk),
    after: chunk.lastPosition,
  };
  if (dropped < tail.leaves.length) {
    for (const leaf of tail.leaves.slice(dropped)) addLeaf(fresh, leaf);
  }
  return fresh;
};

const addLeaf = (tail: Tail, leaf: SealedLeaf): void => {
  const appended = appendLeaf(tail.range, leaf.hash);
  tail.range = appended.range;
  for (const node of appended.written) tail.nodes.set(nodeKey(node), node.hash);
  tail.leaves.push(leaf);
  tail.after = leaf.position;
};

export class EsdbVerifiableLog implements VerifiableLog {
  private tail: Tail = emptyTail();
  private readonly chunkNodes = new Map<number, Map<string, TreeHash>>();
  private readonly sealedIds = new SealedIds();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly events: EventStore,
  ) {}

  treeHead(): Promise<TreeHead> {
    return this.exclusive(async (tail) => ({ size: tail.range.size, root: rangeRoot(tail.range) }));
  }

  rootAt(size: number): Promise<E.Either<string, TreeHash>> {
    return this.exclusive(async (tail) => (await this.merkleLog(tail)).rootAt(size));
  }

  inclusionProof(index: number, size: number): Promise<E.Either<string, TreeHash[]>> {
    return this.exclusive(async (tail) => (await this.merkleLog(tail)).inclusionProof(index, size));
  }

  consistencyProof(older: number, newer: number): Promise<E.Either<string, TreeHash[]>> {
    return this.exclusive(async (tail) => (await this.merkleLog(tail)).consistencyProof(older, newer));
  }

  leafIndexOf(eventId: string): Promise<number | undefined> {
    const esdbId = esdbEventId(eventId);
    return this.exclusive(async (tail) => {
      const inTail = tail.leaves.findIndex((leaf) => leaf.esdbId === esdbId);
      if (inTail >= 0) return tail.sealed + inTail;
      return tail.lastChunk === undefined ? undefined : this.sealedIds.leafIndexOf(this.client, tail.lastChunk, esdbId);
    });
  }

  /** Runs `work` on the tail brought up to date, one at a time: a proof never sees the tail move under it. */
  private exclusive<A>(work: (tail: Tail) => Promise<A>): Promise<A> {
    const run = this.queue.then(async () => work(await this.refresh()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async refresh(): Promise<Tail> {
    let tail = this.tail;
    // The next chunk is read first: an empty read while no chunk was sealed since, and a jump to
    // the last one when some were, so a reader far behind skips the chunks between.
    const next = await readChunk(this.client, tail.lastChunk === undefined ? 0 : tail.lastChunk.number + 1);
    if (next !== undefined) {
      const last = (await readLastChunk(this.client)) ?? next;
      if (tail.lastChunk !== undefined && last.leaves !== tail.lastChunk.leaves) {
        throw new Error(`${TREE_CHUNKS_STREAM} changed its leaves per chunk at chunk ${last.number}.`);
      }
      tail = tailAfter(tail, last);
    }
    for await (const event of this.events.readAll({ after: tail.after })) addLeaf(tail, sealedLeafOf(event));
    this.tail = tail;
    return tail;
  }

  /** A Merkle log over the chunks and the tail, at the head's size. */
  private merkleLog(tail: Tail): Promise<MerkleLog> {
    const leaves = tail.lastChunk?.leaves;
    const store: MerkleNodeStore = {
      readNodes: async (nodes) => {
        const found = new Map<string, TreeHash>();
        const byChunk = new Map<number, TreeNode[]>();
        for (const node of nodes) {
          const hash = tail.nodes.get(nodeKey(node));
          if (hash !== undefined) found.set(nodeKey(node), hash);
          else if (leaves !== undefined) {
            const chunk = Math.floor(((node.index + 1) * 2 ** node.level - 1) / leaves);
            byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), node]);
          }
        }
        for (const [chunk, wanted] of byChunk) {
          const hashes = await this.nodesOfChunk(chunk);
          for (const node of wanted) {
            const hash = hashes?.get(nodeKey(node));
            if (hash !== undefined) found.set(nodeKey(node), hash);
          }
        }
        return found;
      },
      writeNodes: () => Promise.reject(new Error('A reader of the tree on EventStoreDB never writes nodes.')),
    };
    return MerkleLog.resume(store, tail.range.size);
  }

  private async nodesOfChunk(number: number): Promise<ReadonlyMap<string, TreeHash> | undefined> {
    const cached = this.chunkNodes.get(number);
    if (cached !== undefined) return cached;
    const chunk = await readChunk(this.client, number);
    if (chunk === undefined) return undefined;
    const nodes = keyed(chunk.nodes);
    if (this.chunkNodes.size >= CACHED_CHUNKS) this.chunkNodes.delete(this.chunkNodes.keys().next().value as number);
    this.chunkNodes.set(number, nodes);
    return nodes;
  }
}
