import type { PGliteInterface, PGliteOptions, Transaction } from '@electric-sql/pglite';
import { insertByStatements } from './bulk-rows';
import { INT8_TYPE_ID, int8ToNumber, type SqlClient, type SqlTransaction, type SqlValue } from './sql-client';

/** Options every PGlite the store opens gets, so that `bigint` columns come back as numbers. */
export const pgliteParsers: NonNullable<PGliteOptions['parsers']> = { [INT8_TYPE_ID]: int8ToNumber };

export interface PgliteLocation {
  /** A folder holding the database (created when missing); omitted for an in-memory database. */
  readonly dataDir?: string;
}

/** Starts PGlite; the module is loaded on demand so that server-only users never load the WASM build. */
export const startPglite = async (location: PgliteLocation): Promise<PGliteInterface> => {
  const { PGlite } = await import('@electric-sql/pglite');
  return PGlite.create({ ...(location.dataDir === undefined ? {} : { dataDir: location.dataDir }), parsers: pgliteParsers });
};

/**
 * The SQL seam on a PGlite instance. PGlite runs one statement at a time and a transaction holds it
 * exclusively, which is all the isolation an embedded single-process database needs.
 */
export const pgliteClient = (pglite: PGliteInterface, { ownsInstance }: { ownsInstance: boolean }): SqlClient => {
  // An instance shared with others may have been opened without our parsers: apply them per query.
  const queryOptions = { parsers: pgliteParsers };
  const query = async <R extends object>(text: string, params?: ReadonlyArray<SqlValue>) =>
    (await pglite.query<R>(text, params as unknown[] | undefined, queryOptions)).rows;

  return {
    engine: 'pglite',
    query,
    transaction: (work) => pglite.transaction((tx) => work(pgliteTransaction(tx, queryOptions))),
    listen: async (channel, onNotify) => {
      const unlisten = await pglite.listen(channel, () => onNotify());
      return () => unlisten();
    },
    close: async () => {
      if (ownsInstance && !pglite.closed) await pglite.close();
    },
  };
};

const pgliteTransaction = (tx: Transaction, queryOptions: { parsers: typeof pgliteParsers }): SqlTransaction => {
  const session: SqlTransaction = {
    query: async <R extends object>(text: string, params?: ReadonlyArray<SqlValue>) =>
      (await tx.query<R>(text, params as unknown[] | undefined, queryOptions)).rows,
    run: async (script) => {
      await tx.exec(script);
    },
    insertRows: (table, columns, rows) => insertByStatements(session, table, columns, rows),
    openBulkWriter: async (table, columns) => ({
      write: (rows) => insertByStatements(session, table, columns, rows),
      finish: async () => undefined,
      abort: async () => undefined,
    }),
    get readsBeside() {
      return session;
    },
  };
  return session;
};
