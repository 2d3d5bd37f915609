import type { ReadAllOptions, StoredEvent, StoredViewRow } from '@coachline/eventstore';
import { PostgresCheckpointLog } from './postgres-checkpoint-log';
import { PostgresVerifiableLog } from './postgres-verifiable-log';
import { wholeViewText } from './projection-checkpoints';
import { auditTree, type TreeAudit } from './tree-audit';
import { readAllPages } from './readers';
import type { SqlClient, SqlQueryable } from './sql-client';
import type { Statements } from './statements';

interface HeldTransaction {
  readonly session: SqlQueryable;
  /** Ends the transaction (it wrote nothing, so committing it changes nothing). */
  release(): Promise<void>;
}

/**
 * Opens one transaction that is READ ONLY, so that PostgreSQL itself refuses any write made in
 * it, and REPEATABLE READ, so that every read sees the same snapshot: the head, the events and
 * the stored views agree with each other whatever writers do meanwhile. It stays open until
 * released.
 */
const holdReadOnlyTransaction = (client: SqlClient): Promise<HeldTransaction> =>
  new Promise((resolve, reject) => {
    let release!: () => void;
    const released = new Promise<void>((done) => {
      release = done;
    });
    let handedOut = false;
    const finished = client.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      handedOut = true;
      resolve({
        session: tx,
        release: async () => {
          release();
          // A failure here was already met by the read that broke; nothing was written to lose.
          await finished.catch(() => undefined);
        },
      });
      await released;
    });
    finished.catch((error: unknown) => {
      if (!handedOut) reject(error);
    });
  });

interface ViewRow {
  readonly name: string;
  readonly version: number;
  readonly position: string;
  readonly state: string;
  readonly parked_at: string | null;
}

/** A bigint column's text as a position, or NaN when it is none a store hands out. */
const positionOf = (text: string | null): number => {
  const value = text === null ? Number.NaN : Number(text);
  return Number.isSafeInteger(value) ? value : Number.NaN;
};

/**
 * A store opened for reading only, for checking it: the schema was checked, never migrated;
 * nothing runs at opening (no integrity backfill, no sweep of children's keys); every read runs
 * in one read-only transaction.
 */
export class ReadOnlyStore {
  constructor(
    private readonly session: SqlQueryable,
    private readonly statements: Statements,
    private readonly end: () => Promise<void>,
  ) {}

  async headPosition(): Promise<number> {
    const [row] = await this.session.query<{ position: number }>(this.statements.headPosition);
    return row?.position ?? 0;
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    return readAllPages(this.session, this.statements, options);
  }

  /** The Merkle tree as this transaction's snapshot holds it: the head and every node agree. */
  verifiableLog(): PostgresVerifiableLog {
    return new PostgresVerifiableLog(this.session, this.statements);
  }

  /** The tree recomputed from every event in this snapshot, against the nodes and peaks stored (O(n)). */
  auditTree(): Promise<TreeAudit> {
    return auditTree(this.session, this.statements);
  }

  /** The signed checkpoints and published keys, read in the same snapshot (saving one is refused: read only). */
  signedCheckpoints(): PostgresCheckpointLog {
    return new PostgresCheckpointLog(this.session, this.statements.schema);
  }

  /** Every row of the views table as it lies there, the state still JSON text. */
  async storedViews(): Promise<StoredViewRow[]> {
    const rows = await this.session.query<ViewRow>(
      `SELECT name, version, position::text AS position, state, parked->>'position' AS parked_at
         FROM "${this.statements.schema}".projections ORDER BY name`,
    );
    const views: StoredViewRow[] = [];
    for (const row of rows) {
      const parkedAt = positionOf(row.parked_at);
      views.push({
        name: row.name,
        version: row.version,
        position: positionOf(row.position),
        // A view kept by subject is read whole, its entries put back in its state.
        state: await wholeViewText(this.session, this.statements.schema, row.name, row.state),
        ...(Number.isNaN(parkedAt) ? {} : { parkedAt }),
      });
    }
    return views;
  }

  close(): Promise<void> {
    return this.end();
  }
}

/** The store on `client`, read only, once its schema checks out; the client is closed on failure. */
export const openReadOnly = async (
  client: SqlClient,
  statements: Statements,
  check: (session: SqlQueryable) => Promise<void>,
): Promise<ReadOnlyStore> => {
  let held: HeldTransaction | undefined;
  try {
    held = await holdReadOnlyTransaction(client);
    await check(held.session);
  } catch (error) {
    await held?.release();
    await client.close();
    throw error;
  }
  const { release } = held;
  return new ReadOnlyStore(held.session, statements, async () => {
    await release();
    await client.close();
  });
};
