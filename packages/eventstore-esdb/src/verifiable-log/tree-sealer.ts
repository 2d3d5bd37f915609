/**
 * The one subscriber that seals the tree on EventStoreDB. It follows `$all` through the adapter's
 * own subscription (so it takes exactly the events `readAll` delivers, in the same order) and, each
 * time a chunk of leaves fills, appends the chunk to the tree stream expecting the revision before
 * it. Appends to one stream are serialized by the server, so however many processes seal, each
 * chunk is written once: a sealer that loses the race reads the winner's chunk, checks it is the one
 * it computed itself, and goes on from there.
 *
 * Events still short of a full chunk are only held in memory; readers recompute that tail from
 * `$all` (esdb-verifiable-log.ts), so nothing the sealer has not written yet is missing from a tree.
 */
import { NO_STREAM, WrongExpectedVersionError, type EventStoreDBClient } from '@eventstore/db-client';
import {
  canonicalContent,
  EMPTY_RANGE,
  eventLeafHash,
  type CompactRange,
  type EventStore,
  type StoredEvent,
  type Subscription,
} from '@coachline/eventstore';
import { esdbEventId } from '../event-id';
import { chunkData, isPowerOfTwo, rangeAfter, sealChunk, type SealedLeaf, type TreeChunk } from './tree-chunk';
import { chunkEvent, readChunk, readLastChunk, TREE_CHUNKS_STREAM } from './tree-streams';

/** Leaves per chunk: one chunk event of about 110 KB per 1,024 events. */
export const DEFAULT_CHUNK_LEAVES = 1024;

export interface TreeSealerOptions {
  /** Leaves per chunk of a store none was sealed in yet (a power of two); a store keeps the size it began with. */
  readonly chunkLeaves?: number;
  /** Told when sealing stops on a fault; readers still see every event, recomputed from `$all`. */
  readonly onError?: (error: unknown) => void;
}

export const sealedLeafOf = (event: StoredEvent): SealedLeaf => ({
  hash: eventLeafHash(canonicalContent(event)),
  esdbId: esdbEventId(event.id),
  position: event.position,
});

const sameChunk = (a: TreeChunk, b: TreeChunk): boolean =>
  JSON.stringify(chunkData(a)) === JSON.stringify(chunkData(b));

interface Waiter {
  readonly position: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class EsdbTreeSealer {
  private pending: SealedLeaf[] = [];
  private waiters: Waiter[] = [];
  private failure: unknown;
  private subscription: Subscription | undefined;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly events: EventStore,
    private readonly leaves: number,
    private nextChunk: number,
    private range: CompactRange,
    private handledUpTo: number,
    private readonly onError: ((error: unknown) => void) | undefined,
  ) {}

  /** Starts sealing after the last chunk sealed, not from the beginning of `$all`. */
  static async start(
    client: EventStoreDBClient,
    events: EventStore,
    options: TreeSealerOptions = {},
  ): Promise<EsdbTreeSealer> {
    const chosen = options.chunkLeaves ?? DEFAULT_CHUNK_LEAVES;
    if (!isPowerOfTwo(chosen)) throw new RangeError(`Leaves per chunk must be a power of two, not ${chosen}.`);
    const last = await readLastChunk(client);
    const sealer = new EsdbTreeSealer(
      client,
      events,
      last?.leaves ?? chosen,
      last === undefined ? 0 : last.number + 1,
      last === undefined ? EMPTY_RANGE : rangeAfter(last),
      last?.lastPosition ?? 0,
      options.onError,
    );
    sealer.subscription = events.subscribe(sealer.handledUpTo, (event) => sealer.take(event), {
      onError: (error) => sealer.fail(error),
    });
    return sealer;
  }

  /** Leaves per chunk of this store. */
  get chunkLeaves(): number {
    return this.leaves;
  }

  /** Chunks sealed so far, by this process or another. */
  get sealedChunks(): number {
    return this.nextChunk;
  }

  /** Resolves once every event stored when it was called has passed through the sealer. */
  async caughtUp(): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    const head = await this.events.headPosition();
    if (head <= this.handledUpTo) return;
    await new Promise<void>((resolve, reject) => this.waiters.push({ position: head, resolve, reject }));
  }

  /** Stops following `$all`; leaves still short of a chunk are sealed by whichever sealer runs next. */
  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.release(new Error('The tree sealer stopped before it caught up.'));
  }

  private async take(event: StoredEvent): Promise<void> {
    this.pending.push(sealedLeafOf(event));
    if (this.pending.length === this.leaves) await this.seal();
    this.handledUpTo = event.position;
    const [ready, waiting] = [
      this.waiters.filter((waiter) => waiter.position <= event.position),
      this.waiters.filter((waiter) => waiter.position > event.position),
    ];
    this.waiters = waiting;
    for (const waiter of ready) waiter.resolve();
  }

  private async seal(): Promise<void> {
    const sealed = sealChunk(this.nextChunk, this.pending, this.range);
    const { number } = sealed.chunk;
    try {
      await this.client.appendToStream(TREE_CHUNKS_STREAM, [chunkEvent(chunkData(sealed.chunk))], {
        expectedRevision: number === 0 ? NO_STREAM : BigInt(number - 1),
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // Another sealer wrote this chunk first: it must be the chunk computed here, or two trees exist.
      const theirs = await readChunk(this.client, number);
      if (theirs === undefined || !sameChunk(theirs, sealed.chunk)) {
        throw new Error(
          `Chunk ${number} of ${TREE_CHUNKS_STREAM} differs from the tree of $all computed here: compare the tree with $all.`,
        );
      }
    }
    this.range = sealed.range;
    this.nextChunk = number + 1;
    this.pending = [];
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.release(error);
    this.onError?.(error);
  }

  private release(error: unknown): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }
}
