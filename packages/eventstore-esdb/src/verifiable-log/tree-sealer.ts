/**
 * The one subscriber that seals the tree on EventStoreDB. It follows `$all` through the adapter's
 * own subscription (so it takes exactly the events `readAll` delivers, in the same order) and, each
 * time a chunk of leaves fills, appends the chunk to the tree stream expecting the revision before
 * it. Appends to one stream are serialized by the server, so however many processes seal, each
 * chunk is written once: a sealer that loses the race reads the winner's chunk, checks it is the one
 * it computed itself, and goes on from there.
 *
 * A fault (a lost connection) is tried again from the last chunk sealed; a chunk in the stream that
 * differs from the one computed here stops sealing for good, since two trees must never be served.
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
  /** Told of every fault; readers still see every event, recomputed from `$all`. */
  readonly onError?: (error: unknown) => void;
  /** How long after a fault (a lost connection, a server restarting) sealing starts again; default 5 s. */
  readonly retryAfterMs?: number;
}

const DEFAULT_RETRY_MS = 5_000;

/** The tree stream holds a chunk other than the one `$all` gives: sealing stops for good. */
export class DivergentChunkError extends Error {}

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
  private nextChunk = 0;
  private range: CompactRange = EMPTY_RANGE;
  private handledUpTo = 0;
  private failure: unknown;
  private stopped = false;
  private subscription: Subscription | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private restarting: Promise<void> = Promise.resolve();

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly events: EventStore,
    private leaves: number,
    private readonly options: TreeSealerOptions,
  ) {}

  /** Starts sealing after the last chunk sealed, not from the beginning of `$all`. */
  static async start(
    client: EventStoreDBClient,
    events: EventStore,
    options: TreeSealerOptions = {},
  ): Promise<EsdbTreeSealer> {
    const chosen = options.chunkLeaves ?? DEFAULT_CHUNK_LEAVES;
    if (!isPowerOfTwo(chosen)) throw new RangeError(`Leaves per chunk must be a power of two, not ${chosen}.`);
    const sealer = new EsdbTreeSealer(client, events, chosen, options);
    await sealer.follow();
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
    this.stopped = true;
    clearTimeout(this.retry);
    await this.restarting;
    await this.subscription?.stop();
    this.release(new Error('The tree sealer stopped before it caught up.'));
  }

  /** Picks up after the last chunk sealed, by whichever process, and follows `$all` from there. */
  private async follow(): Promise<void> {
    const last = await readLastChunk(this.client);
    this.leaves = last?.leaves ?? this.leaves;
    this.nextChunk = last === undefined ? 0 : last.number + 1;
    this.range = last === undefined ? EMPTY_RANGE : rangeAfter(last);
    this.handledUpTo = last?.lastPosition ?? 0;
    this.pending = [];
    // A subscription that failed has released the server's; stopping it waits until it has.
    await this.subscription?.stop().catch(() => undefined);
    if (this.stopped) return;
    this.subscription = this.events.subscribe(this.handledUpTo, (event) => this.take(event), {
      onError: (error) => this.fail(error),
    });
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
        throw new DivergentChunkError(
          `Chunk ${number} of ${TREE_CHUNKS_STREAM} differs from the tree of $all computed here: compare the tree with $all.`,
        );
      }
    }
    this.range = sealed.range;
    this.nextChunk = number + 1;
    this.pending = [];
  }

  /**
   * A fault stops this subscription. A divergent chunk stops sealing for good; anything else (the
   * connection lost, the server restarting) is tried again from the last chunk sealed, later.
   */
  private fail(error: unknown): void {
    this.release(error);
    this.options.onError?.(error);
    if (this.stopped) return;
    if (error instanceof DivergentChunkError) {
      this.failure = error;
      return;
    }
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.restarting = this.follow().catch((again: unknown) => this.fail(again));
    }, this.options.retryAfterMs ?? DEFAULT_RETRY_MS);
    this.retry.unref();
  }

  private release(error: unknown): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }
}
