import {
  type AppendResult,
  type EventHandler,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  requireExpectedRevision,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  type TypedPage,
  type TypedPagesOptions,
} from '@coachline/eventstore';
import { encodeEvent } from './event-rows';
import { importEvents, type ImportedEvent, type ImportOptions, type ImportResult } from './event-import';
import { readAllPages, readStreamPages, readTypedPages } from './readers';
import type { SqlClient } from './sql-client';
import type { Statements } from './statements';
import { PollingSubscription } from './subscription';
import { PostgresProjectionCheckpoints } from './projection-checkpoints';
import { PostgresChildKeyVault } from './postgres-child-key-vault';
import { PostgresCheckpointLog } from './postgres-checkpoint-log';
import { PostgresVerifiableLog } from './postgres-verifiable-log';
import { auditTree, type TreeAudit } from './tree-audit';
import { WriteQueue, type WriteQueueLimits } from './write-queue';

export interface StoreTuning {
  /** How often a live subscription looks at the head when nothing woke it. */
  readonly pollIntervalMs?: number;
  readonly writeLimits?: WriteQueueLimits;
  /**
   * Whether appends and imports grow the Merkle tree with their events (default true). It exists
   * to measure what the tree costs a write: a store written with it off has a tree behind its head,
   * which the next writer keeping it catches up, under the head's lock, before it appends.
   */
  readonly keepTree?: boolean;
}

const DEFAULT_POLL_INTERVAL_MS = 200;

/**
 * A commit's NOTIFY carries the head it left, and is delivered once that commit is visible; every
 * position below had committed before it, since writers take the head in turn. Anything else in
 * the payload says nothing about the head.
 */
const committedHeadOf = (payload: string | undefined): number | undefined => {
  const head = payload === undefined || !/^\d{1,15}$/.test(payload) ? undefined : Number(payload);
  return head !== undefined && Number.isSafeInteger(head) ? head : undefined;
};

/** The event store on PostgreSQL, through the SQL seam: the same code on a server and on PGlite. */
export class PostgresEventStore implements EventStore {
  private readonly writes: WriteQueue;
  private readonly appendedCallbacks = new Set<(committedHead?: number) => void>();
  private readonly subscriptions = new Set<PollingSubscription>();
  private stopListening: Promise<() => Promise<void>> | undefined;
  private closed = false;

  constructor(
    private readonly client: SqlClient,
    private readonly statements: Statements,
    private readonly tuning: StoreTuning = {},
  ) {
    this.writes = new WriteQueue(
      client,
      statements,
      (head) => this.announceAppended(head),
      tuning.writeLimits,
      tuning.keepTree ?? true,
    );
  }

  /**
   * Children's wrapped data keys and erasure tombstones, kept in this store's schema beside the
   * events they seal; `openChildKeyStore` opens them with the key file.
   */
  childKeyVault(): PostgresChildKeyVault {
    return new PostgresChildKeyVault(this.client, this.statements.schema);
  }

  /** Views and checkpoints kept in this store's schema, beside the events they fold. */
  projectionCheckpoints(): PostgresProjectionCheckpoints {
    return new PostgresProjectionCheckpoints(this.client, this.statements.schema);
  }

  /** The Merkle tree over this store's global order: its head, and proofs read from the events' rows. */
  verifiableLog(): PostgresVerifiableLog {
    return new PostgresVerifiableLog(this.client, this.statements);
  }

  /** The signed checkpoints of that tree and the verifier keys they are published under, in this store's schema. */
  signedCheckpoints(): PostgresCheckpointLog {
    return new PostgresCheckpointLog(this.client, this.statements.schema);
  }

  /**
   * The tree recomputed from every event it covers, against the nodes and peaks stored (O(n)). Safe
   * beside writers: the head's tree size is read first, and rows below it never change.
   */
  auditTree(): Promise<TreeAudit> {
    return auditTree(this.client, this.statements);
  }

  async append(
    stream: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (typeof stream !== 'string' || stream === '') throw new TypeError('A stream name is required.');
    requireExpectedRevision(expected);
    return this.writes.append({ stream, events: events.map(encodeEvent), expected });
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    return readStreamPages(this.client, this.statements, stream, options);
  }

  async streamRevision(stream: string): Promise<number | undefined> {
    const [row] = await this.client.query<{ revision: number }>(this.statements.streamRevision, [stream]);
    return row?.revision;
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    return readAllPages(this.client, this.statements, options);
  }

  readTypedPages(options: TypedPagesOptions): AsyncIterable<TypedPage> {
    return readTypedPages(this.client, this.statements, options);
  }

  subscribe(after: number, handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    if (this.closed) throw new Error('The event store is closed.');
    const subscription = new PollingSubscription(
      {
        headPosition: () => this.headPosition(),
        readAll: (readOptions) => this.readAll(readOptions),
        onAppended: (callback) => this.onAppended(callback),
      },
      after,
      handler,
      { ...options, pollIntervalMs: this.tuning.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS },
    );
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
    const [row] = await this.client.query<{ position: number }>(this.statements.headPosition);
    return row?.position ?? 0;
  }

  /**
   * Bulk import: each event goes to the end of its stream, in the order given, all or nothing. Use it
   * to load an event file; commands go through `append`, which checks expected revisions.
   */
  importEvents(
    source: AsyncIterable<ImportedEvent> | Iterable<ImportedEvent>,
    options?: ImportOptions,
  ): Promise<ImportResult> {
    if (this.closed) return Promise.reject(new Error('The event store is closed.'));
    const keepTree = this.tuning.keepTree ?? true;
    return importEvents(this.client, this.statements, source, { keepTree, ...options }).then((result) => {
      if (result.imported > 0) this.announceAppended();
      return result;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.writes.close();
    await this.unlisten();
    await this.client.close();
  }

  /** `committedHead`: the head a commit left, when known. */
  private announceAppended(committedHead?: number): void {
    for (const callback of this.appendedCallbacks) callback(committedHead);
  }

  /** Local commits wake subscribers directly; NOTIFY brings word of other processes' commits. */
  private onAppended(callback: (committedHead?: number) => void): {
    readonly ready: Promise<void>;
    unregister(): void;
  } {
    this.appendedCallbacks.add(callback);
    // Without notifications subscribers still poll: a failure to listen costs latency, not events.
    this.stopListening ??= this.client
      .listen(this.statements.channel, (payload) => this.announceAppended(committedHeadOf(payload)))
      .catch(() => async () => undefined);
    return {
      ready: this.stopListening.then(() => undefined),
      unregister: () => {
        this.appendedCallbacks.delete(callback);
        if (this.appendedCallbacks.size === 0) void this.unlisten();
      },
    };
  }

  private async unlisten(): Promise<void> {
    const stopping = this.stopListening;
    this.stopListening = undefined;
    if (stopping !== undefined) await (await stopping)().catch(() => undefined);
  }
}
