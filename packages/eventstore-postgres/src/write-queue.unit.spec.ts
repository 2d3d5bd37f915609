import { DuplicateEventError, isRevisionConflict } from '@coachline/eventstore';
import { AppendOutcomeUnknownError } from './errors';
import { EVENT_COLUMNS, encodeEvent, type EncodedEvent } from './event-rows';
import { CommitOutcomeUnknownError, type SqlClient, type SqlTransaction, type SqlValue } from './sql-client';
import { statementsFor } from './statements';
import { WriteQueue } from './write-queue';

const statements = statementsFor('coachline');

const encoded = (id: string): EncodedEvent =>
  encodeEvent({
    id,
    type: 'SessionLogged',
    schemaVersion: 1,
    data: {},
    metadata: {
      actor: { id: 'c', role: 'coach' },
      recordedAt: '2025-09-16T18:02:11.000Z',
      commandId: id,
      correlationId: id,
    },
  });

/**
 * A database of one table in memory, enough to run the write queue's transactions: it records each
 * transaction's rows, and a row whose id is already stored fails the whole transaction.
 */
class FakeDatabase {
  readonly committed: Array<ReadonlyArray<SqlValue>> = [];
  /** The tree's size and peaks as the last advance left them. */
  private tree: { size: SqlValue; peaks: SqlValue } = { size: 0, peaks: null };
  transactions = 0;
  failNext: unknown;

  readonly client: SqlClient = {
    engine: 'pglite',
    query: async () => [],
    // The head never matches: every batch takes the transaction this fake records.
    execute: async () => [],
    listen: async () => async () => undefined,
    close: async () => undefined,
    transaction: async (work) => {
      this.transactions += 1;
      if (this.failNext !== undefined) {
        const failure = this.failNext;
        this.failNext = undefined;
        throw failure;
      }
      const pending: Array<ReadonlyArray<SqlValue>> = [];
      const tree = { ...this.tree };
      const result = await work(this.session(pending, tree));
      this.committed.push(...pending);
      this.tree = tree;
      return result;
    },
  };

  /** Every stream's tip (the fake ignores which streams were asked for). */
  private tips(): Array<{ stream: string; revision: number; position: number }> {
    const tips = new Map<string, { stream: string; revision: number; position: number }>();
    this.committed.forEach((row) =>
      tips.set(row[1] as string, { stream: row[1] as string, revision: row[2] as number, position: row[0] as number }),
    );
    return [...tips.values()];
  }

  private session(pending: Array<ReadonlyArray<SqlValue>>, tree: { size: SqlValue; peaks: SqlValue }): SqlTransaction {
    const storedIds = () => new Set([...this.committed, ...pending].map((row) => row[3]));
    const session: SqlTransaction = {
      readsBeside: { query: async () => [] },
      openBulkWriter: async () => {
        throw new Error('The write queue writes through insertRows.');
      },
      query: async (text: string, params?: ReadonlyArray<SqlValue>) => {
        if (text === statements.advance) {
          Object.assign(tree, { size: params?.[7] ?? null, peaks: params?.[8] ?? null });
          return [];
        }
        if (text.startsWith('WITH inserted AS')) {
          // The advance's parameters follow the rows': streams, revisions, positions, hashes, head,
          // channel, chain, the tree's size and peaks.
          const values = (params ?? []).slice(0, -9);
          Object.assign(tree, { size: params?.at(-2) ?? null, peaks: params?.at(-1) ?? null });
          const width = EVENT_COLUMNS.length;
          const rows = Array.from({ length: values.length / width }, (_, i) =>
            values.slice(i * width, i * width + width),
          );
          await session.insertRows(statements.eventsTable, [], rows);
          return [];
        }
        if (text.startsWith('WITH locked AS')) {
          const head = {
            head_position: this.committed.length,
            head_chain: '',
            head_tree_size: this.tree.size,
            head_peaks: this.tree.peaks,
          };
          const seen = { seen_position: head.head_position, seen_chain: '' };
          const tips = this.tips();
          if (tips.length === 0) return [{ ...head, ...seen, stream: null, revision: null, position: null }] as never;
          return tips.map((tip) => ({ ...head, ...seen, ...tip })) as never;
        }
        if (text === statements.streamRevisions) return this.tips() as never;
        return [];
      },
      run: async () => undefined,
      insertRows: async (_table, _columns, rows) => {
        for (const row of rows) {
          if (storedIds().has(row[3])) {
            throw Object.assign(new Error('duplicate key'), {
              code: '23505',
              constraint: 'events_id',
              detail: `Key (id)=(${String(row[3])}) already exists.`,
            });
          }
          pending.push(row);
        }
      },
    };
    return session;
  }
}

describe('WriteQueue', () => {
  it('commits the appends of one moment together, and a failing one does not fail its neighbours', async () => {
    const database = new FakeDatabase();
    const queue = new WriteQueue(database.client, statements, () => undefined);
    await queue.append({ stream: 's-1', events: [encoded('stored')], expected: 'no-stream' });
    database.transactions = 0;

    const outcomes = await Promise.allSettled([
      queue.append({ stream: 's-2', events: [encoded('a')], expected: 'no-stream' }),
      queue.append({ stream: 's-1', events: [encoded('stored')], expected: 0 }),
      queue.append({ stream: 's-2', events: [encoded('b'), encoded('c')], expected: 0 }),
      queue.append({ stream: 's-1', events: [encoded('d')], expected: 'no-stream' }),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new DuplicateEventError('stored'));
    expect(isRevisionConflict((outcomes[3] as PromiseRejectedResult).reason)).toBe(true);
    expect((outcomes[2] as PromiseFulfilledResult<unknown>).value).toEqual({ nextRevision: 2, lastPosition: 4 });
    expect(database.committed.map((row) => [row[0], row[1], row[2], row[3]])).toEqual([
      [1, 's-1', 0, 'stored'],
      [2, 's-2', 0, 'a'],
      [3, 's-2', 1, 'b'],
      [4, 's-2', 2, 'c'],
    ]);
    // One group commit that failed on the duplicate, then one transaction per append.
    expect(database.transactions).toBe(5);
  });

  it('reports an unknown outcome to every append of a batch whose commit was cut off, and never retries it', async () => {
    const database = new FakeDatabase();
    const queue = new WriteQueue(database.client, statements, () => undefined);
    database.failNext = new CommitOutcomeUnknownError(new Error('Connection terminated unexpectedly'));

    const outcomes = await Promise.allSettled([
      queue.append({ stream: 's-1', events: [encoded('a')], expected: 'any' }),
      queue.append({ stream: 's-2', events: [encoded('b')], expected: 'any' }),
    ]);

    expect(outcomes.map((outcome) => (outcome as PromiseRejectedResult).reason)).toEqual([
      expect.any(AppendOutcomeUnknownError),
      expect.any(AppendOutcomeUnknownError),
    ]);
    expect(database.transactions).toBe(1);
  });

  it('fails every append of a batch whose connection broke before the commit, without retrying', async () => {
    const database = new FakeDatabase();
    const queue = new WriteQueue(database.client, statements, () => undefined);
    const broken = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    database.failNext = broken;

    const outcomes = await Promise.allSettled([
      queue.append({ stream: 's-1', events: [encoded('a')], expected: 'any' }),
      queue.append({ stream: 's-2', events: [encoded('b')], expected: 'any' }),
    ]);

    expect(outcomes).toEqual([
      { status: 'rejected', reason: broken },
      { status: 'rejected', reason: broken },
    ]);
    expect(database.transactions).toBe(1);
    await expect(queue.append({ stream: 's-1', events: [encoded('a')], expected: 'no-stream' })).resolves.toEqual({
      nextRevision: 0,
      lastPosition: 1,
    });
  });

  it('keeps a batch within its event limit, and lets a larger single append go alone', async () => {
    const database = new FakeDatabase();
    const queue = new WriteQueue(database.client, statements, () => undefined, {
      maxBatchEvents: 3,
      maxBatchBytes: 1e9,
    });
    await Promise.all([
      queue.append({ stream: 's-1', events: [encoded('a'), encoded('b')], expected: 'any' }),
      queue.append({ stream: 's-2', events: [encoded('c'), encoded('d')], expected: 'any' }),
      queue.append({ stream: 's-3', events: ['e', 'f', 'g', 'h'].map(encoded), expected: 'any' }),
    ]);
    expect(database.transactions).toBe(3);
    expect(database.committed).toHaveLength(8);
  });

  it('refuses appends once closed', async () => {
    const database = new FakeDatabase();
    const queue = new WriteQueue(database.client, statements, () => undefined);
    await queue.close();
    await expect(queue.append({ stream: 's-1', events: [encoded('a')], expected: 'any' })).rejects.toThrow('closed');
  });
});
