import { join } from 'node:path';
import { ACCESS_LOG_FILE, type AccessLog, FileAccessLog } from '@coachline/eventstore';
import { postgres } from './adapters';
import type { StoreLocation } from './store-location';

export interface AccessLogOptions {
  /**
   * The folder of the process's own files, where the log of an EventStoreDB store is kept: that
   * server holds events only, and the log must never be among them.
   */
  readonly dataFolder: string;
}

/**
 * The log of reads kept for the store at `location`, the one the API and the command line both
 * write: a file in an embedded store's folder, the `<schema>_access` schema beside a PostgreSQL
 * store, a file in the data folder for EventStoreDB. A `memory:` store lasts one run and keeps
 * none. Opened apart from the store: listing the reads needs neither the events nor the key file.
 */
export const openAccessLogFor = async (
  location: StoreLocation,
  options: AccessLogOptions,
): Promise<AccessLog | undefined> => {
  switch (location.kind) {
    case 'memory':
      return undefined;
    case 'folder':
      return new FileAccessLog(join(location.address, ACCESS_LOG_FILE));
    case 'esdb':
      return new FileAccessLog(join(options.dataFolder, ACCESS_LOG_FILE));
    case 'postgres':
      return postgres().openPostgresAccessLog({
        connectionString: location.address,
        ...(location.schema === undefined ? {} : { schema: location.schema }),
      });
  }
};
