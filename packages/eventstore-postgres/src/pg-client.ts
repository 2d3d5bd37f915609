import pg from 'pg';
import { isConnectionFailure, withReadRetry } from './connection-failures';
import { PgNotifier } from './pg-notifier';
import { PgTransaction } from './pg-transaction';
import {
  CommitOutcomeUnknownError,
  INT8_TYPE_ID,
  int8ToNumber,
  type SqlClient,
  type SqlTransaction,
  type SqlValue,
} from './sql-client';

export interface PgClientOptions {
  readonly connectionString: string;
  /** Connections in the pool; one at a time writes, the others read. */
  readonly poolSize?: number;
  readonly applicationName?: string;
  readonly connectionTimeoutMs?: number;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_TYPE_ID ? int8ToNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const ignore = () => undefined;

/** Past this many distinct texts `execute` stops naming them, so prepared statements stay bounded. */
const MAX_PREPARED = 500;

/** The SQL seam on a node-postgres pool. */
export const openPgClient = (options: PgClientOptions): SqlClient => {
  const config: pg.PoolConfig = {
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'coachline-eventstore',
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    types,
  };
  const pool = new pg.Pool(config);
  // An idle client whose server went away: the pool has already dropped it, the next checkout reconnects.
  pool.on('error', ignore);
  const notifier = new PgNotifier({ ...config });

  const query = async <R extends object>(text: string, params?: ReadonlyArray<SqlValue>): Promise<R[]> =>
    withReadRetry(async () => (await pool.query<R>(text, params as unknown[] | undefined)).rows);

  const transaction = async <T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    // While checked out the pool does not listen to the client; errors surface through the failing query.
    client.on('error', ignore);
    let broken: Error | undefined;
    const tx = new PgTransaction(client, { query });
    try {
      const result = await work(tx);
      if (!tx.started) return result;
      try {
        await client.query('COMMIT');
      } catch (error) {
        if (isConnectionFailure(error)) throw new CommitOutcomeUnknownError(error);
        throw error;
      }
      return result;
    } catch (error) {
      if (error instanceof CommitOutcomeUnknownError || isConnectionFailure(error)) {
        broken = error as Error;
      } else if (tx.started) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      }
      throw error;
    } finally {
      client.removeListener('error', ignore);
      client.release(broken);
    }
  };

  // Statements executed are the writer's, a few texts run over and over: each connection parses and
  // plans each once.
  const prepared = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = prepared.get(text);
    if (name === undefined && prepared.size < MAX_PREPARED) prepared.set(text, (name = `coachline_${prepared.size}`));
    return name;
  };

  const execute = async <R extends object>(text: string, params?: ReadonlyArray<SqlValue>): Promise<R[]> => {
    // A failure to connect sent nothing: that one stays a plain connection failure.
    const client = await pool.connect();
    client.on('error', ignore);
    let broken: Error | undefined;
    try {
      return (await client.query<R>({ name: nameOf(text), text, values: params as unknown[] | undefined })).rows;
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      broken = error as Error;
      throw new CommitOutcomeUnknownError(error);
    } finally {
      client.removeListener('error', ignore);
      client.release(broken);
    }
  };

  return {
    engine: 'postgres',
    query,
    transaction,
    execute,
    listen: (channel, onNotify) => notifier.listen(channel, onNotify),
    close: async () => {
      await notifier.close();
      await pool.end();
    },
  };
};
