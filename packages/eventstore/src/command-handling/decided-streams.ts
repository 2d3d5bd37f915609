import type { StreamKind } from '@coachline/domain';
import type { EventStore } from '../event-store';
import { type DecidedStream, readOnFrom } from './decided-stream';

export interface DecidedStreamsOptions {
  /** How many streams are kept, the least recently used dropped first; 2,000 by default. */
  readonly capacity?: number;
}

/**
 * A provider's year comes to a few tens of kilobytes of decider state; two thousand of them stay
 * well inside a process's memory while covering the streams a program writes to at once.
 */
const DEFAULT_CAPACITY = 2_000;

/**
 * After another writer got into a stream, this many commands on it read its tail first again:
 * a stream two writers share would otherwise cost a refused append before most of its commands.
 */
const READS_AFTER_A_RIVAL = 32;

interface Kept {
  readonly decided: DecidedStream;
  /** The store this process appended the kept state's last events to, when it did. */
  readonly appendedTo: EventStore | undefined;
  /** Commands still to read the tail first, since another writer was last found in the stream. */
  readonly readsAhead: number;
}

/**
 * The decided state of the streams a process handles commands on, kept between commands so that
 * each one reads only what the store holds past the revision last seen, instead of reading and
 * decoding the whole stream again. A stream another process or handle wrote to is seen as the
 * store has it now: its tail is read before deciding.
 *
 * A stream whose last kept events this process appended itself, through the same store, is
 * decided on without a read (`trusted`): its append names the kept revision, so the store refuses
 * it if anyone wrote in between, and the command then reads on and decides again. Only an append
 * is ever trusted that way; every other answer (a refusal, nothing to record) is given on what a
 * read of the store finds.
 *
 * Keep one per store (or per set of handles on one history): a kept stream is trusted to be the
 * beginning of what the store holds. Entries are never changed once made, so commands in flight
 * on one stream each decide on the one they read and the newest revision is kept.
 */
export class DecidedStreams {
  private readonly streams = new Map<string, Kept>();
  readonly capacity: number;

  constructor(options: DecidedStreamsOptions = {}) {
    const capacity = options.capacity ?? DEFAULT_CAPACITY;
    if (!Number.isSafeInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, got ${capacity}.`);
    this.capacity = capacity;
  }

  /** How many streams are kept now. */
  get size(): number {
    return this.streams.size;
  }

  /** The stream as the store holds it now: the kept state with the store's tail folded in. */
  async current(store: EventStore, stream: string, kind: StreamKind): Promise<DecidedStream> {
    return this.keep(await readOnFrom(store, stream, kind, this.streams.get(stream)?.decided));
  }

  /**
   * The kept state, when its last events are this process's own appends to `store` and no other
   * writer was found in the stream lately: an append at its revision is likely to hold.
   */
  trusted(store: EventStore, stream: string): DecidedStream | undefined {
    const kept = this.streams.get(stream);
    return kept !== undefined && kept.appendedTo === store && kept.readsAhead === 0 ? kept.decided : undefined;
  }

  /**
   * Keeps `decided` unless a later revision of its stream is kept already (a slower command
   * finishing after a faster one), and gives `decided` back.
   */
  keep(decided: DecidedStream): DecidedStream {
    return this.put(decided, undefined);
  }

  /** Keeps `decided`, made from the events this process just appended to `store`, as `keep` does. */
  keepAppended(store: EventStore, decided: DecidedStream): DecidedStream {
    return this.put(decided, store);
  }

  /** Another writer got into `stream` since it was kept: its next commands read its tail first. */
  rivalFound(stream: string): void {
    const kept = this.streams.get(stream);
    if (kept !== undefined) this.streams.set(stream, { ...kept, readsAhead: READS_AFTER_A_RIVAL });
  }

  private put(decided: DecidedStream, appendedTo: EventStore | undefined): DecidedStream {
    const kept = this.streams.get(decided.stream);
    const readsAhead = kept === undefined ? 0 : Math.max(0, kept.readsAhead - (appendedTo === undefined ? 0 : 1));
    const newer =
      kept !== undefined && (kept.decided.revision ?? -1) > (decided.revision ?? -1)
        ? { ...kept, readsAhead }
        : { decided, appendedTo, readsAhead };
    this.streams.delete(decided.stream);
    this.streams.set(decided.stream, newer);
    if (this.streams.size > this.capacity) this.streams.delete(this.streams.keys().next().value!);
    return decided;
  }
}
