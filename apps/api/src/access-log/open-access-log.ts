import { join } from 'node:path';
import type { ApiConfig } from '../app/config';
import type { AccessLog } from './access-log';
import { FileAccessLog } from './file-access-log';
import { StoreAccessLog } from './store-access-log';

export const ACCESS_LOG_FILE = 'access-log.jsonl';

/** On a PostgreSQL server the log is a schema of its own beside the store's; elsewhere a file in the data folder. */
export const openAccessLog = async (config: ApiConfig): Promise<AccessLog> => {
  if (config.store.kind === 'postgres') {
    const { openPostgresEventStore } = await import('@coachline/eventstore-postgres');
    return new StoreAccessLog(
      await openPostgresEventStore({ connectionString: config.store.connectionString, schema: `${config.store.schema}_access` }),
    );
  }
  return new FileAccessLog(join(config.dataDir, ACCESS_LOG_FILE));
};
