import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText, insertByStatements } from './bulk-rows';
import type { BulkWriter, SqlQueryable, SqlRowValues, SqlTransaction, SqlValue } from './sql-client';

/** Below this many rows a multi-row INSERT costs less than setting up a COPY. */
const COPY_THRESHOLD_ROWS = 200;

/**
 * A transaction on one pooled connection. BEGIN goes out with the first statement, in the same round
 * trip when that statement has no parameters: a group commit that has to read the head and the
 * streams' tips under the lock (another process wrote since) is then three round trips, not four.
 */
export class PgTransaction implements SqlTransaction {
  private begun = false;

  constructor(
    private readonly client: pg.PoolClient,
    readonly readsBeside: SqlQueryable,
  ) {}

  /** Whether BEGIN went out, so that there is something to commit or roll back. */
  get started(): boolean {
    return this.begun;
  }

  async query<R extends object>(text: string, params?: ReadonlyArray<SqlValue>): Promise<R[]> {
    if (!this.begun && (params === undefined || params.length === 0)) {
      this.begun = true;
      const results = (await this.client.query(`BEGIN; ${text}`)) as unknown as Array<pg.QueryResult<R>>;
      return results[results.length - 1]?.rows ?? [];
    }
    await this.begin();
    return (await this.client.query<R>(text, params as unknown[] | undefined)).rows;
  }

  async run(script: string): Promise<void> {
    await this.query(script);
  }

  async insertRows(table: string, columns: ReadonlyArray<string>, rows: ReadonlyArray<SqlRowValues>): Promise<void> {
    if (rows.length < COPY_THRESHOLD_ROWS) return insertByStatements(this, table, columns, rows);
    const writer = await this.openBulkWriter(table, columns);
    try {
      await writer.write(rows);
      await writer.finish();
    } catch (error) {
      await writer.abort(error);
      throw error;
    }
  }

  async openBulkWriter(table: string, columns: ReadonlyArray<string>): Promise<BulkWriter> {
    await this.begin();
    return copyWriter(this.client, table, columns);
  }

  private async begin(): Promise<void> {
    if (this.begun) return;
    this.begun = true;
    await this.client.query('BEGIN');
  }
}

/** COPY … FROM STDIN kept open across chunks, with the socket's backpressure respected. */
const copyWriter = (client: pg.PoolClient, table: string, columns: ReadonlyArray<string>): BulkWriter => {
  const copy = client.query(copyFrom(`COPY ${table} (${columns.join(',')}) FROM STDIN`));
  const done = finished(copy);
  done.catch(() => undefined);
  // Once the server refuses the COPY (a duplicate id), the stream has let go of its connection and a
  // further write would fail on that instead: the server's refusal is the answer to give.
  let refused: unknown;
  copy.once('error', (error: unknown) => {
    refused = error;
  });
  return {
    write: async (rows) => {
      for (const text of copyText(rows)) {
        if (refused !== undefined) throw refused;
        if (!copy.write(text)) await Promise.race([once(copy, 'drain'), done]);
      }
    },
    finish: async () => {
      copy.end();
      await done;
    },
    // Destroying the stream sends CopyFail, which ends the COPY so the connection can roll back.
    abort: async (reason) => {
      if (copy.destroyed || copy.writableFinished) return;
      copy.destroy(reason instanceof Error ? reason : new Error(String(reason)));
      await done.catch(() => undefined);
    },
  };
};
