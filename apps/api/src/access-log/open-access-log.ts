import type { AccessLog } from '@coachline/eventstore';
import { openAccessLogFor } from '@coachline/store-opener';
import type { ApiConfig } from '../app/config';
import { storeLocationOfConfig } from '../store/open-event-store';

/** On a PostgreSQL server the log is a schema of its own beside the store's; elsewhere a file in the data folder. */
export const openAccessLog = async (config: ApiConfig): Promise<AccessLog> => {
  const log = await openAccessLogFor(storeLocationOfConfig(config.store), { dataFolder: config.dataDir });
  // Only a `memory:` store keeps no log, and the API is never configured with one.
  if (log === undefined) throw new TypeError('The API needs a store that keeps an access log.');
  return log;
};
