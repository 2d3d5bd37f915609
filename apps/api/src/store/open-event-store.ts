import { type EventStore, keyEncryptionKeyFile, KeyFileError, openChildKeyStore, openWithChildDataProtection } from '@coachline/eventstore';
import { ConfigError, type StoreLocation } from '../app/config';

const openAdapter = async (location: StoreLocation) => {
  switch (location.kind) {
    case 'pglite': {
      const store = await (await import('@coachline/eventstore-postgres')).openPgliteEventStore({ dataDir: location.dataDir });
      return { store, vault: store.childKeyVault() };
    }
    case 'postgres': {
      const store = await (await import('@coachline/eventstore-postgres')).openPostgresEventStore({
        connectionString: location.connectionString,
        schema: location.schema,
      });
      return { store, vault: store.childKeyVault() };
    }
    case 'esdb': {
      const store = (await import('@coachline/eventstore-esdb')).openEsdbEventStore(location.connectionString);
      return { store, vault: store.childKeyVault() };
    }
  }
};

/**
 * Opens the store the configuration names, with child data sealed under each child's key on
 * every append (rule 11), children's keys wrapped under the key-encryption key of `keyFile`,
 * and finishes any erasure whose key survived (a crash, an import) or whose rotation was cut
 * short before the API serves anything. Each adapter is loaded only when asked for, so the embedded
 * default never loads the EventStoreDB client and a server deployment never boots PGlite.
 */
export const openEventStore = async (location: StoreLocation, keyFile: string): Promise<EventStore> => {
  const { store, vault } = await openAdapter(location);
  const keys = await openChildKeyStore(vault, keyEncryptionKeyFile(keyFile)).catch(async (error: unknown) => {
    await store.close();
    throw error instanceof KeyFileError ? new ConfigError(`COACHLINE_KEY_FILE: ${error.message}`, { cause: error }) : error;
  });
  return openWithChildDataProtection(store, keys);
};
