import * as E from 'fp-ts/Either';
import { CHAIN_START, chainHash, eventHash, type EventIntegrity, type HashedContent } from './event-hash';

export type ChainBreakKind = 'altered' | 'removed' | 'reordered';

/** The first place where the history read differs from the history written. */
export interface ChainBreak {
  readonly kind: ChainBreakKind;
  /** The position of the first event altered, missing or out of place. */
  readonly position: number;
  /** The event found there; absent when nothing is there to name (a removed event). */
  readonly stream?: string;
  readonly revision?: number;
  readonly message: string;
}

export interface ChainIntact {
  readonly events: number;
  readonly lastPosition: number;
  /** The chain hash of the last event ('' for an empty history): note it to check later reads against. */
  readonly head: string;
  /** Where the chain reached the expected head, when one was given. */
  readonly expectedHeadAt?: number;
}

export type ChainVerification = E.Either<ChainBreak, ChainIntact>;

export interface ChainOptions {
  /** A chain hash noted earlier: the history read must pass through it. */
  readonly expectedHead?: string;
  /** The head position the store reported before the read: a shorter history lost its last events. */
  readonly headPosition?: number;
}

/** An event as the verifier needs it: its content, where it sits, and the hashes stored with it. */
export interface ChainedEvent extends HashedContent {
  readonly position: number;
  readonly integrity?: EventIntegrity | undefined;
}

const isIntegrity = (value: unknown): value is EventIntegrity =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as EventIntegrity).hash === 'string' &&
  typeof (value as EventIntegrity).chain === 'string';

const short = (hash: string): string => (hash.length > 16 ? `${hash.slice(0, 16)}…` : hash);

/**
 * Recomputes the chain one event at a time, in the order read, and names the first break. The checks
 * run in this order, so each break gets the clearest name the evidence allows:
 * 1. a position not above the previous one: reordered;
 * 2. positions skipped: removed (the first missing position is named);
 * 3. a stream revision going back: reordered; a stream revision skipped: removed;
 * 4. the content no longer matching its stored hash: altered;
 * 5. an intact hash whose chain does not follow from the previous event's: reordered (or events
 *    before it were removed and renumbered, or it was rewritten with its hash recomputed).
 * At the end, a history shorter than the store's head lost its last events (removed), and an
 * expected head the chain never reached means the history up to it was rewritten.
 */
export class ChainVerifier {
  private events = 0;
  private lastPosition = 0;
  private chain = CHAIN_START;
  private readonly streams = new Map<string, { readonly revision: number; readonly hash: string }>();
  private expectedHeadAt: number | undefined;

  constructor(private readonly options: ChainOptions = {}) {}

  /** Checks the next event; returns the break it reveals, if any (the caller stops there). */
  check(event: ChainedEvent): ChainBreak | undefined {
    const where = { position: event.position, stream: event.stream, revision: event.revision };
    if (event.position <= this.lastPosition) {
      return {
        kind: 'reordered',
        ...where,
        message: `read after position ${this.lastPosition}: the global order was changed`,
      };
    }
    if (event.position > this.lastPosition + 1) {
      const first = this.lastPosition + 1;
      const missing =
        event.position - 1 === first
          ? `position ${first} is missing`
          : `positions ${first} to ${event.position - 1} are missing`;
      return {
        kind: 'removed',
        position: first,
        message: `${missing}; the next event read is at position ${event.position}`,
      };
    }
    const tip = this.streams.get(event.stream);
    const expectedRevision = (tip?.revision ?? -1) + 1;
    if (event.revision < expectedRevision) {
      return {
        kind: 'reordered',
        ...where,
        message: `revision ${event.revision} of ${event.stream} comes after revision ${expectedRevision - 1}`,
      };
    }
    if (event.revision > expectedRevision) {
      return {
        kind: 'removed',
        ...where,
        message: `revision ${expectedRevision} of ${event.stream} is missing before this revision ${event.revision}`,
      };
    }
    if (!isIntegrity(event.integrity)) {
      return { kind: 'altered', ...where, message: 'no hash is stored with this event' };
    }
    const hash = eventHash(tip?.hash ?? CHAIN_START, event);
    if (hash !== event.integrity.hash) {
      return {
        kind: 'altered',
        ...where,
        message: `the event does not match its hash ${short(event.integrity.hash)}: it was changed after it was written`,
      };
    }
    const chain = chainHash(this.chain, hash);
    if (chain !== event.integrity.chain) {
      return {
        kind: 'reordered',
        ...where,
        message:
          'the event matches its hash but the chain breaks here: events were reordered, or removed before it, or it was rewritten with a new hash',
      };
    }
    this.streams.set(event.stream, { revision: event.revision, hash });
    this.chain = chain;
    this.lastPosition = event.position;
    this.events += 1;
    if (this.expectedHeadAt === undefined && chain === this.options.expectedHead) this.expectedHeadAt = event.position;
    return undefined;
  }

  /** The verdict once every event was checked without a break. */
  finish(): ChainVerification {
    const { headPosition, expectedHead } = this.options;
    if (headPosition !== undefined && headPosition > this.lastPosition) {
      return E.left({
        kind: 'removed',
        position: this.lastPosition + 1,
        message: `the store's head is at position ${headPosition} but its history ends at position ${this.lastPosition}`,
      });
    }
    if (expectedHead !== undefined && this.expectedHeadAt === undefined && expectedHead !== this.chain) {
      return E.left({
        kind: 'altered',
        position: this.lastPosition,
        message: `the chain never reaches the head noted earlier (${short(expectedHead)}): the history up to it was rewritten or cut short`,
      });
    }
    return E.right({
      events: this.events,
      lastPosition: this.lastPosition,
      head: this.chain,
      ...(this.expectedHeadAt !== undefined ? { expectedHeadAt: this.expectedHeadAt } : {}),
    });
  }
}

/** Reads the whole history once, in global order, and returns its first break or its head. Memory: one hash per stream. */
export const verifyChain = async (
  events: AsyncIterable<ChainedEvent> | Iterable<ChainedEvent>,
  options: ChainOptions = {},
): Promise<ChainVerification> => {
  const verifier = new ChainVerifier(options);
  for await (const event of events) {
    const broken = verifier.check(event);
    if (broken !== undefined) return E.left(broken);
  }
  return verifier.finish();
};
