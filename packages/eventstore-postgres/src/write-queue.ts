import { DuplicateEventError, RevisionConflictError, type AppendResult } from '@coachline/eventstore';
import {
  readHeadAndTips,
  SINGLE_STATEMENT_ROWS,
  writeBatch,
  writeBatchAtHead,
  type AppendOutcome,
  type AppendRequest,
  type StreamTip,
  type WrittenBatch,
} from './append-batch';
import { isConnectionFailure } from './connection-failures';
import { AppendOutcomeUnknownError, duplicateEventId } from './errors';
import { KeptHead, sameHead } from './kept-head';
import { CommitOutcomeUnknownError, type SqlClient } from './sql-client';
import type { Statements } from './statements';

export interface WriteQueueLimits {
  /** Most events one group commit writes (a single larger append still goes alone). */
  readonly maxBatchEvents: number;
  /** Most bytes of JSON one group commit writes. */
  readonly maxBatchBytes: number;
}

export const DEFAULT_WRITE_LIMITS: WriteQueueLimits = { maxBatchEvents: 10_000, maxBatchBytes: 32 * 1024 * 1024 };

interface Waiting {
  readonly request: AppendRequest;
  readonly bytes: number;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

const sizeOf = (request: AppendRequest): number =>
  request.events.reduce((bytes, event) => bytes + event.data.length + event.metadata.length, 0);

/**
 * Group commit. Appends wait here while the previous transaction runs; the next one takes all of them,
 * so under load one commit (and one turn of the head's lock) serves many callers.
 */
export class WriteQueue {
  private waiting: Waiting[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;
  private readonly kept = new KeptHead();

  constructor(
    private readonly client: SqlClient,
    private readonly statements: Statements,
    /** Called with the head after each commit that wrote events. */
    private readonly onCommitted: (head: number) => void,
    private readonly limits: WriteQueueLimits = DEFAULT_WRITE_LIMITS,
    /** Whether each commit grows the Merkle tree with its events (see `StoreTuning.keepTree`). */
    private readonly keepTree = true,
  ) {}

  append(request: AppendRequest): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('The event store is closed.'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, bytes: sizeOf(request), resolve, reject });
      this.startDraining();
    });
  }

  /** Takes no more appends and resolves once those already taken are settled. */
  async close(): Promise<void> {
    this.closed = true;
    await this.draining;
  }

  private startDraining(): void {
    if (this.draining !== undefined) return;
    // A microtask later, so that appends issued together in this tick share the first commit.
    this.draining = Promise.resolve()
      .then(() => this.drain())
      .finally(() => {
        this.draining = undefined;
        if (this.waiting.length > 0) this.startDraining();
      });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) await this.commit(this.takeBatch());
  }

  private takeBatch(): Waiting[] {
    let events = 0;
    let bytes = 0;
    let count = 0;
    for (const waiting of this.waiting) {
      events += waiting.request.events.length;
      bytes += waiting.bytes;
      if (count > 0 && (events > this.limits.maxBatchEvents || bytes > this.limits.maxBatchBytes)) break;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private async commit(batch: ReadonlyArray<Waiting>): Promise<void> {
    const requests = batch.map((waiting) => waiting.request);
    let written: WrittenBatch;
    try {
      written =
        (await this.writeAtKeptHead(requests)) ??
        (await this.client.transaction((tx) => writeBatch(tx, this.statements, requests, this.keepTree)));
    } catch (error) {
      if (batch.length > 1 && !isConnectionFailure(error) && !(error instanceof CommitOutcomeUnknownError)) {
        // The statement failed for one append's sake (a duplicate id, JSON PostgreSQL refuses) and
        // nothing was written: give every append its own transaction so only the culprit fails.
        for (const waiting of batch) await this.commit([waiting]);
        return;
      }
      for (const waiting of batch) waiting.reject(failureOf(error, waiting.request));
      return;
    }
    this.kept.keep(written);
    const { outcomes } = written;
    batch.forEach((waiting, index) => settle(waiting, outcomes[index] as AppendOutcome));
    if (
      outcomes.some(
        (outcome, index) => outcome.kind === 'appended' && (batch[index] as Waiting).request.events.length > 0,
      )
    ) {
      this.onCommitted(written.head.position);
    }
  }

  /**
   * The group commit in one round trip, on the head and tips kept from the last one (tips of streams
   * not seen yet are read first, with the head they were read at). `undefined` when the batch needs
   * the transaction: nothing kept yet, another writer moved the head, or too many rows for one statement.
   */
  private async writeAtKeptHead(requests: ReadonlyArray<AppendRequest>): Promise<WrittenBatch | undefined> {
    const head = this.kept.head;
    const events = requests.reduce((count, request) => count + request.events.length, 0);
    if (head === undefined || events === 0 || events > SINGLE_STATEMENT_ROWS) return undefined;
    const unseen = [...new Set(requests.map((request) => request.stream))].filter((stream) => !this.kept.knows(stream));
    let read = new Map<string, StreamTip | undefined>();
    if (unseen.length > 0) {
      const seen = await readHeadAndTips(this.client, this.statements, unseen);
      if (!sameHead(seen.head, head)) return undefined;
      read = seen.tips;
    }
    const tipOf = (stream: string) => (read.has(stream) ? read.get(stream) : this.kept.tipOf(stream));
    const written = await writeBatchAtHead(this.client, this.statements, requests, head, tipOf, this.keepTree);
    if (written === undefined) this.kept.learn(read);
    return written;
  }
}

const settle = (waiting: Waiting, outcome: AppendOutcome): void => {
  if (outcome.kind === 'appended') waiting.resolve(outcome.result);
  else waiting.reject(new RevisionConflictError(waiting.request.stream, waiting.request.expected, outcome.actual));
};

const failureOf = (error: unknown, request: AppendRequest): unknown => {
  if (error instanceof CommitOutcomeUnknownError) return new AppendOutcomeUnknownError(request.stream, error.cause);
  const duplicate = duplicateEventId(error);
  if (duplicate !== undefined) return new DuplicateEventError(duplicate || (request.events[0]?.id ?? ''));
  return error;
};
