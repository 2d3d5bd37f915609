/**
 * The little the event store asks of PostgreSQL, so that the same SQL runs on a server (node-postgres)
 * and on embedded PGlite. Everything else in the adapter talks to these interfaces only.
 */

export type SqlRow = Record<string, unknown>;

/** A value bound to a statement parameter or written by the bulk path (JSON already as text). */
/** A parameter; bytes are a bytea (a Buffer on a server, any Uint8Array on PGlite). */
export type SqlValue = string | number | boolean | null | Uint8Array | ReadonlyArray<string | number>;

export interface SqlQueryable {
  query<R extends object = SqlRow>(text: string, params?: ReadonlyArray<SqlValue>): Promise<R[]>;
}

export interface SqlTransaction extends SqlQueryable {
  /** Runs several statements without parameters (DDL of a migration). */
  run(script: string): Promise<void>;
  /**
   * Writes rows into a table by the fastest path the engine has: COPY on a server for large sets,
   * multi-row INSERT otherwise. `table` and `columns` are trusted, already-quoted identifiers.
   */
  insertRows(table: string, columns: ReadonlyArray<string>, rows: ReadonlyArray<SqlRowValues>): Promise<void>;
  /**
   * A bulk write that stays open across chunks, so that preparing the next chunk overlaps with the
   * database taking in the last one: one COPY on a server, multi-row INSERTs per chunk on PGlite.
   */
  openBulkWriter(table: string, columns: ReadonlyArray<string>): Promise<BulkWriter>;
  /**
   * Reads that may run while a bulk writer is open: on a server another connection, which sees only
   * what is committed; on PGlite this transaction.
   */
  readonly readsBeside: SqlQueryable;
}

export type SqlRowValues = ReadonlyArray<SqlValue>;

export interface BulkWriter {
  /** Resolves once the rows are handed over (a server may still be taking them in). */
  write(rows: ReadonlyArray<SqlRowValues>): Promise<void>;
  /** Resolves once every row written is in the table. */
  finish(): Promise<void>;
  /** Gives up the write; the transaction must then roll back. */
  abort(reason: unknown): Promise<void>;
}

export type SqlEngine = 'postgres' | 'pglite';

export interface SqlClient extends SqlQueryable {
  readonly engine: SqlEngine;
  /**
   * Runs `work` in one transaction: commits when it resolves, rolls back when it throws. A connection
   * lost while COMMIT was in flight surfaces as `CommitOutcomeUnknownError`.
   */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  /**
   * Runs one statement as its own transaction, in one round trip, never again: a connection lost
   * after it went out surfaces as `CommitOutcomeUnknownError`, since it may have committed.
   */
  execute<R extends object = SqlRow>(text: string, params?: ReadonlyArray<SqlValue>): Promise<R[]>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel`, with its payload (`undefined` when it may have
   * missed some); resolves to a function that stops listening.
   */
  listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * The single conversion of `bigint` columns (positions, counts): node-postgres hands them over as
 * strings and PGlite as numbers or bigints, and both clients are configured to call this instead.
 */
export const int8ToNumber = (text: string): number => {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`The bigint ${text} does not fit a JavaScript number.`);
  return value;
};

export const INT8_TYPE_ID = 20;

/** The connection broke while COMMIT was in flight: the transaction may or may not have committed. */
export class CommitOutcomeUnknownError extends Error {
  override readonly name = 'CommitOutcomeUnknownError';
  constructor(override readonly cause: unknown) {
    super(`The connection was lost while committing; the outcome is unknown (${describe(cause)}).`);
  }
}

export const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
