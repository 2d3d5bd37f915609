import type { AccessLog } from '@coachline/eventstore';
import { openAccessLogFor } from '@coachline/store-opener';
import { DEFAULT_STORE, type StoreLocation } from '../store/store-location';

/** The data folder the API keeps beside an EventStoreDB store (its COACHLINE_DATA_DIR), where its log is. */
const dataFolder = (env: NodeJS.ProcessEnv): string => (env['COACHLINE_DATA_DIR'] ?? '').trim() || DEFAULT_STORE;

/**
 * The access log the API keeps for a store, which the command line reads and writes too: a file
 * in an embedded store's folder, the `<schema>_access` schema beside a PostgreSQL store, the file
 * in the API's data folder for EventStoreDB. A `memory:` store lasts one run and keeps none.
 */
export const openStoreAccessLog = (
  location: StoreLocation,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AccessLog | undefined> => openAccessLogFor(location, { dataFolder: dataFolder(env) });
