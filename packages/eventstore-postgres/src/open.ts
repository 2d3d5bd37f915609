import { resolve } from 'node:path';
import type { PGliteInterface } from '@electric-sql/pglite';
import { checkSchemaName, DEFAULT_SCHEMA, migrate } from './migrations';
import { openPgClient } from './pg-client';
import { pgliteClient, startPglite } from './pglite-client';
import { PostgresEventStore, type StoreTuning } from './postgres-event-store';
import type { SqlClient } from './sql-client';
import { statementsFor } from './statements';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
/** Where the zero-set-up store keeps its data, relative to the working folder. */
export const DEFAULT_DATA_DIR = '.coachline';

export interface PostgresEventStoreOptions extends StoreTuning {
  /** Defaults to `DATABASE_URL`, then to the local test database. */
  readonly connectionString?: string;
  /** The schema holding the store's tables (created and migrated on open); default `coachline`. */
  readonly schema?: string;
  readonly poolSize?: number;
  /**
   * Open only a store that is there: a database without the schema is refused with a
   * `NoStoreError` instead of being made a new, empty store (a mistyped address must not
   * become a store). Default false: the API makes its store on first start.
   */
  readonly existingOnly?: boolean;
}

export interface PgliteEventStoreOptions extends StoreTuning {
  /** Folder of the embedded database, created when missing; default `./.coachline`. */
  readonly dataDir?: string;
  /**
   * A database folder PGlite made and closed, with nothing written since: a new `dataDir` starts
   * as a copy of it rather than by running initdb (see `startPglite`); the store's schema is
   * then made in it as in any new database.
   */
  readonly template?: string;
  /** Keep the database in memory only (tests, demos). */
  readonly memory?: boolean;
  /** A PGlite already open, shared with others: the store uses it and leaves it open on close. */
  readonly pglite?: PGliteInterface;
  readonly schema?: string;
}

const openOn = async (
  client: SqlClient,
  schema: string,
  tuning: StoreTuning,
  existingOnly = false,
): Promise<PostgresEventStore> => {
  try {
    await migrate(client, schema, { existingOnly });
  } catch (error) {
    await client.close();
    throw error;
  }
  return new PostgresEventStore(client, statementsFor(schema), tuning);
};

/** The event store on a PostgreSQL server. */
export const openPostgresEventStore = (options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> => {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const client = openPgClient({
    connectionString: options.connectionString ?? process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL,
    ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
  });
  return openOn(client, schema, options, options.existingOnly === true);
};

/** The event store on embedded PGlite: in a local folder (the default), in memory, or on a shared instance. */
export const openPgliteEventStore = async (options: PgliteEventStoreOptions = {}): Promise<PostgresEventStore> => {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  if (options.pglite !== undefined)
    return openOn(pgliteClient(options.pglite, { ownsInstance: false }), schema, options);
  const pglite = await startPglite(
    options.memory === true
      ? {}
      : {
          dataDir: resolve(options.dataDir ?? DEFAULT_DATA_DIR),
          ...(options.template === undefined ? {} : { template: resolve(options.template) }),
        },
  );
  return openOn(pgliteClient(pglite, { ownsInstance: true }), schema, options);
};
