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
 * The decided state of the streams a process handles commands on, kept between commands so that
 * each one reads only what the store holds past the revision last seen, instead of reading and
 * decoding the whole stream again. Every read still goes to the store (the tail past the kept
 * revision), so a stream another process or handle wrote to is seen as the store has it now;
 * nothing is ever decided on the kept state alone. An append at the kept revision that loses to
 * another writer is refused by the store and the command reads on from there.
 *
 * Keep one per store (or per set of handles on one history): a kept stream is trusted to be the
 * beginning of what the store holds. Entries are never changed once made, so commands in flight
 * on one stream each decide on the one they read and the newest revision is kept.
 */
export class DecidedStreams {
  private readonly streams = new Map<string, DecidedStream>();
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
    return this.keep(await readOnFrom(store, stream, kind, this.kept(stream)));
  }

  /**
   * Keeps `decided` unless a later revision of its stream is kept already (a slower command
   * finishing after a faster one), and gives `decided` back.
   */
  keep(decided: DecidedStream): DecidedStream {
    const kept = this.streams.get(decided.stream);
    const newer = kept !== undefined && (kept.revision ?? -1) > (decided.revision ?? -1) ? kept : decided;
    this.streams.delete(decided.stream);
    this.streams.set(decided.stream, newer);
    if (this.streams.size > this.capacity) this.streams.delete(this.streams.keys().next().value!);
    return decided;
  }

  private kept(stream: string): DecidedStream | undefined {
    return this.streams.get(stream);
  }
}
