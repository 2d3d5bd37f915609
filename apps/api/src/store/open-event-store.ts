import type { EventStore } from '@coachline/eventstore';
import type { StoreLocation } from '../app/config';

/**
 * Opens the store the configuration names. Each adapter is loaded only when asked for, so the
 * embedded default never loads the EventStoreDB client and a server deployment never boots PGlite.
 */
export const openEventStore = async (location: StoreLocation): Promise<EventStore> => {
  switch (location.kind) {
    case 'pglite':
      return (await import('@coachline/eventstore-postgres')).openPgliteEventStore({ dataDir: location.dataDir });
    case 'postgres':
      return (await import('@coachline/eventstore-postgres')).openPostgresEventStore({
        connectionString: location.connectionString,
        schema: location.schema,
      });
    case 'esdb':
      return (await import('@coachline/eventstore-esdb')).openEsdbEventStore(location.connectionString);
  }
};
