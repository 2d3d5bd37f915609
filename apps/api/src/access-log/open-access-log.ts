import { join } from 'node:path';
import { ACCESS_LOG_FILE, FileAccessLog, type AccessLog } from '@coachline/eventstore';
import type { ApiConfig } from '../app/config';

/** On a PostgreSQL server the log is a schema of its own beside the store's; elsewhere a file in the data folder. */
export const openAccessLog = async (config: ApiConfig): Promise<AccessLog> => {
  if (config.store.kind === 'postgres') {
    const { openPostgresAccessLog } = await import('@coachline/eventstore-postgres');
    return openPostgresAccessLog({ connectionString: config.store.connectionString, schema: config.store.schema });
  }
  return new FileAccessLog(join(config.dataDir, ACCESS_LOG_FILE));
};
