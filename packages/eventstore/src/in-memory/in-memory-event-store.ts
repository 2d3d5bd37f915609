import { DuplicateEventError, RevisionConflictError } from '../errors';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { meetsExpectedRevision, requireExpectedRevision } from '../expected-revision';
import { CHAIN_START, nextIntegrity } from '../integrity/event-hash';
import type { CheckpointLog, VerifiableLog } from '../verifiable-log';
import { CatchUpSubscription, LiveLog } from './catch-up-subscription';
import { eventFilter } from './event-filter';
import { frozenJsonCopy } from './frozen-json';
import { InMemoryCheckpointLog } from './in-memory-checkpoint-log';
import { InMemoryVerifiableLog } from './in-memory-verifiable-log';

const requirePositiveInteger = (value: number | undefined, name: string): void => {
  if (value !== undefined && !(Number.isSafeInteger(value) && value > 0))
    throw new RangeError(`${name} must be a positive integer, got ${value}.`);
};

/**
 * The event store in process memory, for tests, demos and embedding. It keeps the port's
 * semantics to the letter (the contract suite runs on it as on every other adapter); it keeps
 * nothing once the process ends.
 */
export class InMemoryEventStore implements EventStore {
  /** The global order: the event at position p is `log[p - 1]`. */
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly eventIds = new Set<string>();
  private readonly waiting = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;
  private readonly tree = new InMemoryVerifiableLog();

  /** The Merkle tree over the global order: leaf i is the event at position i + 1. */
  readonly verifiableLog: VerifiableLog = this.tree;
  /** The signed checkpoints of that tree and the verifier keys published with them. */
  readonly signedCheckpoints: CheckpointLog = new InMemoryCheckpointLog();

  private readonly liveLog: LiveLog = {
    headPosition: () => this.log.length,
    eventAt: (position) => this.log[position - 1]!,
    waitForAppend: (wake) => {
      this.waiting.add(wake);
      return () => this.waiting.delete(wake);
    },
  };

  /** A store holding `events` already, appended in order with 'any' (fixtures, imports). */
  static async of(events: ReadonlyArray<EventToAppend & { readonly stream: string }>): Promise<InMemoryEventStore> {
    const store = new InMemoryEventStore();
    for (const { stream, ...event } of events) await store.append(stream, [event], 'any');
    return store;
  }

  // Everything up to the return happens without yielding, which is what makes the append atomic.
  async append(
    stream: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.ensureOpen();
    if (stream.length === 0) throw new TypeError('A stream name must not be empty.');
    requireExpectedRevision(expected);
    const existing = this.streams.get(stream);
    const actual = existing === undefined ? undefined : existing.length - 1;
    if (!meetsExpectedRevision(expected, actual)) throw new RevisionConflictError(stream, expected, actual);
    if (events.length === 0) return { nextRevision: actual ?? -1, lastPosition: existing?.at(-1)?.position ?? 0 };

    const batchIds = new Set<string>();
    for (const { id } of events) {
      if (this.eventIds.has(id) || batchIds.has(id)) throw new DuplicateEventError(id);
      batchIds.add(id);
    }
    let streamHash = existing?.at(-1)?.integrity?.hash ?? CHAIN_START;
    let chain = this.log.at(-1)?.integrity?.chain ?? CHAIN_START;
    const stored = events.map((event, index): StoredEvent => {
      const content = {
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: frozenJsonCopy(event.data, `The data of event ${event.id}`),
        metadata: frozenJsonCopy(event.metadata, `The metadata of event ${event.id}`),
        stream,
        revision: (actual ?? -1) + 1 + index,
      };
      const integrity = Object.freeze(nextIntegrity(streamHash, chain, content));
      streamHash = integrity.hash;
      chain = integrity.chain;
      return Object.freeze({ ...content, position: this.log.length + 1 + index, integrity });
    });

    this.tree.record(stored);
    const streamEvents = existing ?? [];
    if (existing === undefined) this.streams.set(stream, streamEvents);
    streamEvents.push(...stored);
    this.log.push(...stored);
    for (const id of batchIds) this.eventIds.add(id);
    this.wakeSubscribers();
    const last = stored.at(-1)!;
    return { nextRevision: last.revision, lastPosition: last.position };
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncGenerator<StoredEvent> {
    this.ensureOpen();
    requirePositiveInteger(options.maxCount, 'maxCount');
    const events = this.streams.get(stream) ?? [];
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    // Read as the stream stood when the read began, like a database snapshot would.
    const end = events.length;
    let count = 0;
    if (options.direction === 'backwards') {
      for (
        let revision = Math.min(options.from ?? end - 1, end - 1);
        revision >= 0 && count < maxCount;
        revision--, count++
      )
        yield events[revision]!;
    } else {
      for (let revision = Math.max(options.from ?? 0, 0); revision < end && count < maxCount; revision++, count++)
        yield events[revision]!;
    }
  }

  async streamRevision(stream: string): Promise<number | undefined> {
    this.ensureOpen();
    const events = this.streams.get(stream);
    return events === undefined ? undefined : events.length - 1;
  }

  /** `batchSize` is checked but has nothing to page here: the log is already in memory. */
  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<StoredEvent> {
    this.ensureOpen();
    requirePositiveInteger(options.batchSize, 'batchSize');
    const matches = eventFilter(options);
    const head = this.log.length;
    for (let index = Math.max(0, Math.floor(options.after ?? 0)); index < head; index++) {
      const event = this.log[index]!;
      if (matches(event)) yield event;
    }
  }

  subscribe(after: number, handler: EventHandler, options?: SubscribeOptions): Subscription {
    this.ensureOpen();
    const subscription = new CatchUpSubscription(this.liveLog, after, handler, options);
    this.subscriptions.add(subscription);
    return {
      caughtUp: subscription.caughtUp,
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async headPosition(): Promise<number> {
    this.ensureOpen();
    return this.log.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    const open = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.all(open.map((subscription) => subscription.stop()));
  }

  private wakeSubscribers(): void {
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const wake of waiting) wake();
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('The in-memory event store is closed.');
  }
}
