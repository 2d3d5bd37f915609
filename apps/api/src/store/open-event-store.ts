import { type EventStore, openWithChildDataProtection } from '@coachline/eventstore';
import type { StoreLocation } from '../app/config';

const openAdapter = async (location: StoreLocation) => {
  switch (location.kind) {
    case 'pglite': {
      const store = await (await import('@coachline/eventstore-postgres')).openPgliteEventStore({ dataDir: location.dataDir });
      return { store, keys: store.childKeys() };
    }
    case 'postgres': {
      const store = await (await import('@coachline/eventstore-postgres')).openPostgresEventStore({
        connectionString: location.connectionString,
        schema: location.schema,
      });
      return { store, keys: store.childKeys() };
    }
    case 'esdb': {
      const store = (await import('@coachline/eventstore-esdb')).openEsdbEventStore(location.connectionString);
      return { store, keys: store.childKeys() };
    }
  }
};

/**
 * Opens the store the configuration names, with child data sealed under each child's key on
 * every append (rule 11), and finishes any erasure whose key survived (a crash, an import)
 * before the API serves anything. Each adapter is loaded only when asked for, so the embedded
 * default never loads the EventStoreDB client and a server deployment never boots PGlite.
 */
export const openEventStore = async (location: StoreLocation): Promise<EventStore> => {
  const { store, keys } = await openAdapter(location);
  return openWithChildDataProtection(store, keys);
};
