import { describeStoreFailure, KeyFileError, type OpenedStore, StoreUnavailableError } from '@coachline/eventstore';
import { openStore, type StoreLocation as StoreAt } from '@coachline/store-opener';
import { ConfigError, type StoreLocation } from '../app/config';

/** Where the store is, and the environment variable that named it (shown without its password). */
const placeOf = (location: StoreLocation): { readonly variable: string; readonly at: StoreAt } => {
  switch (location.kind) {
    case 'pglite':
      return { variable: 'COACHLINE_DATA_DIR', at: { kind: 'folder', address: location.dataDir } };
    case 'postgres':
      return {
        variable: 'DATABASE_URL',
        at: { kind: 'postgres', address: location.connectionString, schema: location.schema },
      };
    case 'esdb':
      return { variable: 'EVENTSTORE_URL', at: { kind: 'esdb', address: location.connectionString } };
  }
};

/** The store the configuration names, as the store opener takes it. */
export const storeLocationOfConfig = (location: StoreLocation): StoreAt => placeOf(location).at;

/**
 * Opens the store the configuration names, with child data sealed under each child's key on
 * every append (rule 11), children's keys wrapped under the key-encryption key of `keyFile`,
 * and finishes any erasure whose key survived (a crash, an import) or whose rotation was cut
 * short before the API serves anything.
 */
export const openEventStore = async (location: StoreLocation, keyFile: string): Promise<OpenedStore> => {
  const { variable, at } = placeOf(location);
  try {
    const template = location.kind === 'pglite' ? location.template : undefined;
    return await openStore(at, { keyFile, ...(template === undefined ? {} : { folderTemplate: template }) });
  } catch (error) {
    if (error instanceof KeyFileError) throw new ConfigError(`COACHLINE_KEY_FILE: ${error.message}`, { cause: error });
    // One line naming the store and the reason, as a configuration error is reported at start-up.
    const message = error instanceof StoreUnavailableError ? error.message : describeStoreFailure(at.address, error);
    throw new ConfigError(`${variable}: ${message}`, { cause: error });
  }
};
