/**
 * Coachline's event store on EventStoreDB / KurrentDB, through @eventstore/db-client. A Coachline
 * stream is the ESDB stream of the same name; revisions are ESDB stream revisions; positions are
 * ESDB commit positions (see position.ts). EventStoreDB's own events ($-prefixed streams and
 * types) are never delivered.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type Filter,
  type ReadPosition,
  type RecordedEvent,
} from '@eventstore/db-client';
import {
  meetsExpectedRevision,
  requireExpectedRevision,
  RevisionConflictError,
  type AppendResult,
  type EventHandler,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
} from '@coachline/eventstore';
import { EsdbChildKeyVault } from './esdb-child-key-store';
import { isSystemEvent, toEventData, toStoredEvent } from './event-envelope';
import { EsdbCatchUpSubscription } from './esdb-subscription';
import { finishedRead } from './finished-read';
import { EsdbCheckpointLog } from './verifiable-log/esdb-checkpoint-log';
import { EsdbVerifiableLog } from './verifiable-log/esdb-verifiable-log';
import { compareWithAll, type SealedTreeCheck } from './verifiable-log/tree-audit';
import { EsdbTreeSealer, type TreeSealerOptions } from './verifiable-log/tree-sealer';
import { coachlinePosition, esdbPosition, readPositionAfter } from './position';

export interface EsdbEventStoreOptions {
  /** Events per $all read when `readAll` is not given a batch size. */
  readonly batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 500;
/** Events read per call when scanning $all backwards for the last event a reader would get. */
const BACKWARD_SCAN_BATCH = 128;

type Selection = Pick<ReadAllOptions, 'types' | 'streamPrefix'>;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The port's expectation in the client's terms, once the port has refused any that is no revision. */
const expectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  requireExpectedRevision(expected);
  if (expected === 'no-stream') return 'no_stream';
  if (expected === 'any') return 'any';
  return BigInt(expected);
};

const actualRevision = (actual: bigint | string): number | undefined =>
  typeof actual === 'bigint' ? Number(actual) : undefined;

export class EsdbEventStore implements EventStore {
  private readonly batchSize: number;
  private readonly sealers = new Set<EsdbTreeSealer>();

  constructor(
    private readonly client: EventStoreDBClient,
    options: EsdbEventStoreOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  async append(
    stream: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const expectedOnServer = expectedRevision(expected);
    // ESDB has no empty append; the check it would make is made here, on the stream's last event.
    if (events.length === 0) return this.checkRevision(stream, expected);
    try {
      const result = await this.client.appendToStream(stream, events.map(toEventData), {
        expectedRevision: expectedOnServer,
      });
      return {
        nextRevision: Number(result.nextExpectedRevision),
        lastPosition: coachlinePosition(result.position, `the append to ${stream}`),
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new RevisionConflictError(stream, expected, actualRevision(error.actualVersion));
      }
      throw error;
    }
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    if (options.maxCount === 0) return;
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      fromRevision: options.from === undefined ? (backwards ? END : START) : BigInt(options.from),
      direction: backwards ? BACKWARDS : FORWARDS,
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    try {
      for await (const resolved of finishedRead(read)) {
        const recorded = resolved.event as RecordedEvent;
        yield toStoredEvent(recorded, stream, coachlinePosition(recorded.position, `${stream}@${recorded.revision}`));
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
  }

  async streamRevision(stream: string): Promise<number | undefined> {
    const last = await this.lastEventOf(stream);
    return last?.revision;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    const batchSize = options.batchSize ?? this.batchSize;
    let after = options.after ?? 0;
    for (;;) {
      // Forwards reads include the event at their start position, which the previous page ended on.
      const maxCount = after === 0 ? batchSize : batchSize + 1;
      const read = this.client.readAll({ fromPosition: readPositionAfter(after), maxCount, direction: FORWARDS });
      let received = 0;
      for await (const resolved of finishedRead<AllStreamResolvedEvent>(read)) {
        received += 1;
        const recorded = resolved.event;
        if (recorded === undefined || recorded.position.commit <= BigInt(after)) continue;
        after = coachlinePosition(recorded.position, `${recorded.streamId}@${recorded.revision}`);
        const event = this.select(recorded, options);
        if (event !== undefined) yield event;
      }
      if (received < maxCount) return;
    }
  }

  subscribe(after: number, handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    esdbPosition(after);
    return new EsdbCatchUpSubscription(this.client, {
      after,
      handler,
      ...(options.onError === undefined ? {} : { onError: options.onError }),
      serverFilter: this.serverFilter(options),
      select: (resolved) => (resolved.event === undefined ? undefined : this.select(resolved.event, options)),
      lastSelectedPosition: () => this.lastSelectedPosition(options, after),
    });
  }

  headPosition(): Promise<number> {
    return this.lastSelectedPosition({}, 0);
  }

  /**
   * Children's wrapped data keys and erasure records, in streams of their own beside the events
   * they seal; `openChildKeyStore` opens them with the key file.
   */
  childKeyVault(): EsdbChildKeyVault {
    return new EsdbChildKeyVault(this.client);
  }

  /** The tree over the global order: the chunks sealed so far and the tail after them, read from `$all`. */
  verifiableLog(): EsdbVerifiableLog {
    return new EsdbVerifiableLog(this.client, this);
  }

  /** The signed checkpoints of that tree and the verifier keys they are signed under. */
  signedCheckpoints(): EsdbCheckpointLog {
    return new EsdbCheckpointLog(this.client);
  }

  /**
   * Starts sealing the tree in this process (a writer's job; any number may run, each chunk is
   * written once). `close` stops it.
   */
  async startTreeSealer(options: TreeSealerOptions = {}): Promise<EsdbTreeSealer> {
    const sealer = await EsdbTreeSealer.start(this.client, this, options);
    this.sealers.add(sealer);
    return sealer;
  }

  /** Whether this process runs a tree sealer. */
  get sealsTree(): boolean {
    return this.sealers.size > 0;
  }

  /** Resolves once the sealers this process runs have taken every event stored when it was called. */
  async treeSealed(): Promise<void> {
    await Promise.all([...this.sealers].map((sealer) => sealer.caughtUp()));
  }

  /** The sealed tree compared, chunk by chunk, with the tree recomputed from `$all`. */
  compareTreeWithAll(): Promise<SealedTreeCheck> {
    return compareWithAll(this.client, this);
  }

  async close(): Promise<void> {
    const sealers = [...this.sealers];
    this.sealers.clear();
    await Promise.all(sealers.map((sealer) => sealer.stop()));
    await this.client.dispose();
  }

  /** The Coachline event `recorded` holds when it is one of this store's and matches the selection. */
  private select(recorded: RecordedEvent, selection: Selection): StoredEvent | undefined {
    const { streamId, type } = recorded;
    if (isSystemEvent(streamId, type) || !streamId.startsWith(selection.streamPrefix ?? '')) return undefined;
    if (selection.types !== undefined && !selection.types.includes(type)) return undefined;
    return toStoredEvent(recorded, streamId, coachlinePosition(recorded.position, `${streamId}@${recorded.revision}`));
  }

  /**
   * The narrowest filter the server can apply (it takes one expression, on stream names or on
   * event types); `select` applies the whole selection to what arrives.
   */
  private serverFilter(selection: Selection): Filter {
    const streamPrefix = selection.streamPrefix ?? '';
    if (streamPrefix !== '') return streamNameFilter({ prefixes: [streamPrefix] });
    if (selection.types !== undefined && selection.types.length > 0) {
      return eventTypeFilter({ regex: `^(?:${selection.types.map(escapeRegex).join('|')})$` });
    }
    return excludeSystemEvents();
  }

  private async lastEventOf(stream: string): Promise<StoredEvent | undefined> {
    for await (const event of this.readStream(stream, { direction: 'backwards', maxCount: 1 })) return event;
    return undefined;
  }

  private async checkRevision(stream: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.lastEventOf(stream);
    const actual = last?.revision;
    if (!meetsExpectedRevision(expected, actual)) throw new RevisionConflictError(stream, expected, actual);
    return { nextRevision: actual ?? -1, lastPosition: last?.position ?? 0 };
  }

  /**
   * Position of the last event stored that `selection` keeps, found by reading $all backwards
   * from its end; 0 when there is none after `after`.
   */
  private async lastSelectedPosition(selection: Selection, after: number): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      const read = this.client.readAll({ fromPosition: from, maxCount: BACKWARD_SCAN_BATCH, direction: BACKWARDS });
      let received = 0;
      for await (const resolved of finishedRead<AllStreamResolvedEvent>(read)) {
        received += 1;
        const recorded = resolved.event;
        if (recorded === undefined) continue;
        const selected = this.select(recorded, selection);
        if (selected !== undefined) return selected.position > after ? selected.position : 0;
        if (recorded.position.commit <= BigInt(after)) return 0;
        from = recorded.position;
      }
      if (received < BACKWARD_SCAN_BATCH) return 0;
    }
  }
}

export const openEsdbEventStore = (connectionString: string, options: EsdbEventStoreOptions = {}): EsdbEventStore =>
  new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
