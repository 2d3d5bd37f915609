import {
  describeStoreFailure,
  ensureStoreAnswers,
  type EventStore,
  keyEncryptionKeyFile,
  KeyFileError,
  openChildKeyStore,
  openWithChildDataProtection,
  StoreUnavailableError,
} from '@coachline/eventstore';
import { ConfigError, type StoreLocation } from '../app/config';

/** EventStoreDB connects on first use: a server that takes the connection and never answers would hold the start forever. */
const FIRST_ANSWER_MS = 10_000;

/** Where the store is, as the environment named it (without its password when shown). */
const addressOf = (location: StoreLocation): { readonly variable: string; readonly address: string } => {
  switch (location.kind) {
    case 'pglite':
      return { variable: 'COACHLINE_DATA_DIR', address: location.dataDir };
    case 'postgres':
      return { variable: 'DATABASE_URL', address: location.connectionString };
    case 'esdb':
      return { variable: 'EVENTSTORE_URL', address: location.connectionString };
  }
};

const openAdapter = async (location: StoreLocation) => {
  switch (location.kind) {
    case 'pglite': {
      const store = await (
        await import('@coachline/eventstore-postgres')
      ).openPgliteEventStore({ dataDir: location.dataDir });
      return { store, vault: store.childKeyVault() };
    }
    case 'postgres': {
      const store = await (
        await import('@coachline/eventstore-postgres')
      ).openPostgresEventStore({
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
  const { variable, address } = addressOf(location);
  try {
    const { store, vault } = await openAdapter(location);
    if (location.kind === 'esdb') await ensureStoreAnswers(address, store, FIRST_ANSWER_MS);
    const keys = await openChildKeyStore(vault, keyEncryptionKeyFile(keyFile)).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    return await openWithChildDataProtection(store, keys);
  } catch (error) {
    if (error instanceof KeyFileError) throw new ConfigError(`COACHLINE_KEY_FILE: ${error.message}`, { cause: error });
    // One line naming the store and the reason, as a configuration error is reported at start-up.
    const message = error instanceof StoreUnavailableError ? error.message : describeStoreFailure(address, error);
    throw new ConfigError(`${variable}: ${message}`, { cause: error });
  }
};
