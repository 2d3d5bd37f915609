import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PGliteInterface } from '@electric-sql/pglite';
import { checkSchemaName, DEFAULT_SCHEMA } from './migrations';
import { DEFAULT_DATABASE_URL, DEFAULT_DATA_DIR } from './open';
import { openPgClient } from './pg-client';
import { pgliteClient, startPglite } from './pglite-client';
import { openReadOnly, type ReadOnlyStore } from './read-only-store';
import { checkSchema } from './schema-check';
import { statementsFor } from './statements';
import { NoStoreError } from './no-store-error';

export interface ReadOnlyPostgresOptions {
  /** Defaults to `DATABASE_URL`, then to the local test database. */
  readonly connectionString?: string;
  readonly schema?: string;
}

export interface ReadOnlyPgliteOptions {
  /** Folder of the embedded database; it must already hold one. Default `./.coachline`. */
  readonly dataDir?: string;
  /** A PGlite already open, shared with others: used, and left open on close. */
  readonly pglite?: PGliteInterface;
  readonly schema?: string;
}

/**
 * A PostgreSQL store opened to be checked: its schema is checked, never created or migrated, and
 * everything is read in one read-only transaction. Throws `StoreSchemaError` when the schema is
 * not exactly the one this build writes.
 */
export const openPostgresStoreForReading = (options: ReadOnlyPostgresOptions = {}): Promise<ReadOnlyStore> => {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const client = openPgClient({
    connectionString: options.connectionString ?? process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL,
    poolSize: 1,
    applicationName: 'coachline-verify',
  });
  return openReadOnly(client, statementsFor(schema), (session) => checkSchema(session, schema));
};

/** An embedded store opened to be checked, as `openPostgresStoreForReading`; a folder without a database is refused, not initialized. */
export const openPgliteStoreForReading = async (options: ReadOnlyPgliteOptions = {}): Promise<ReadOnlyStore> => {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const check = (session: Parameters<typeof checkSchema>[0]) => checkSchema(session, schema);
  if (options.pglite !== undefined)
    return openReadOnly(pgliteClient(options.pglite, { ownsInstance: false }), statementsFor(schema), check);
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new NoStoreError(`${dataDir} holds no database`);
  return openReadOnly(
    pgliteClient(await startPglite({ dataDir }), { ownsInstance: true }),
    statementsFor(schema),
    check,
  );
};
