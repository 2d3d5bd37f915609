import { join } from 'node:path';
import { ACCESS_LOG_FILE, type AccessLog, FileAccessLog } from '@coachline/eventstore';
import type * as PostgresAdapter from '@coachline/eventstore-postgres';
import { DEFAULT_STORE, type StoreLocation } from '../store/store-location';

// Required only when the log is on a PostgreSQL server (see open-store.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const postgres = (): typeof PostgresAdapter => require('@coachline/eventstore-postgres');

/** The data folder the API keeps beside an EventStoreDB store (its COACHLINE_DATA_DIR), where its log is. */
const dataFolder = (env: NodeJS.ProcessEnv): string => (env['COACHLINE_DATA_DIR'] ?? '').trim() || DEFAULT_STORE;

/**
 * The access log the API keeps for a store, which the command line reads and writes too: a file
 * in an embedded store's folder, the `<schema>_access` schema beside a PostgreSQL store, the file
 * in the API's data folder for EventStoreDB. A `memory:` store lasts one run and keeps none.
 */
export const openStoreAccessLog = async (
  location: StoreLocation,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AccessLog | undefined> => {
  switch (location.kind) {
    case 'memory':
      return undefined;
    case 'folder':
      return new FileAccessLog(join(location.address, ACCESS_LOG_FILE));
    case 'esdb':
      return new FileAccessLog(join(dataFolder(env), ACCESS_LOG_FILE));
    case 'postgres':
      return postgres().openPostgresAccessLog({ connectionString: location.address });
  }
};
