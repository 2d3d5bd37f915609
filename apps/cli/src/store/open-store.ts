import { resolve } from 'node:path';
import {
  type ChildDataProtectedStore,
  type ChildKeyStore,
  type ChildKeyVault,
  describeStoreFailure,
  ensureStoreAnswers,
  EventStore,
  InMemoryChildKeyStore,
  InMemoryEventStore,
  isInsideFolder,
  keyEncryptionKeyFile,
  keyFileBeside,
  KeyFileError,
  openChildKeyStore,
  openWithChildDataProtection,
  redactStoreUrl,
  StoreUnavailableError,
} from '@coachline/eventstore';
import { escapeUnsafe } from '@coachline/domain';
import type * as EsdbAdapter from '@coachline/eventstore-esdb';
import type * as PostgresAdapter from '@coachline/eventstore-postgres';
import type { PostgresEventStore } from '@coachline/eventstore-postgres';
import { FailureError, UsageError } from '../commands/usage-error';
import { checkStoreFolder, HOW_TO_CREATE, prepareStoreFolder } from './store-folder';
import { DEFAULT_STORE, StoreLocation, storeLocationOf } from './store-location';

export { DEFAULT_STORE, isEsdbUrl } from './store-location';

type AdapterStore = EventStore &
  Partial<Pick<PostgresEventStore, 'importEvents' | 'projectionCheckpoints'>> & {
    readonly childKeyVault?: () => ChildKeyVault;
  };

/** The store with child data sealed on the way in, and the key store it seals with. */
export type OpenedStore = ChildDataProtectedStore<
  EventStore & Partial<Pick<PostgresEventStore, 'importEvents' | 'projectionCheckpoints'>>
>;

export interface OpenStoreOptions {
  /** Make the embedded store when the folder is new or empty (`import --create`); no other command makes one. */
  readonly create?: boolean;
  /** `--key-file`: the key file of the store's key-encryption key (else COACHLINE_KEY_FILE, else beside the store folder). */
  readonly keyFile?: string | undefined;
}

export const KEY_FILE_ENV = 'COACHLINE_KEY_FILE';

/**
 * The key file: `--key-file`, else COACHLINE_KEY_FILE, else in a folder beside the store's folder
 * (`<folder>-keys/`; for a server, beside the default `./.coachline`), never inside the folder,
 * so a copy of the database is never a copy of the key.
 */
export const keyFileOf = (location: StoreLocation, configured: string | undefined): string => {
  const given = configured ?? (process.env[KEY_FILE_ENV] === '' ? undefined : process.env[KEY_FILE_ENV]);
  const keyFile =
    given === undefined ? keyFileBeside(location.kind === 'folder' ? location.address : DEFAULT_STORE) : resolve(given);
  if (location.kind === 'folder' && isInsideFolder(keyFile, location.address))
    throw new UsageError(
      `--key-file: the key file must be outside the store folder ${resolve(location.address)}, so that a copy of the store holds no key`,
    );
  return keyFile;
};

/** The children's key store: wrapped under the key file's key in a database, in the process for `memory:` (docs/privacy.md). */
const openKeys = async (
  store: AdapterStore,
  location: StoreLocation,
  keyFile: string | undefined,
): Promise<ChildKeyStore> => {
  if (store.childKeyVault === undefined) return new InMemoryChildKeyStore();
  try {
    return await openChildKeyStore(store.childKeyVault(), keyEncryptionKeyFile(keyFileOf(location, keyFile)));
  } catch (error) {
    await store.close();
    throw error;
  }
};

/**
 * EventStoreDB connects on first use; a server that takes the connection and never answers would
 * hold the command for as long as the client retries. (PostgreSQL gives up after 10 s itself.)
 */
const FIRST_ANSWER_MS = 10_000;

// The database adapters are required only when a command opens a store, so `verify` and
// `replay` start without loading database clients. (A CommonJS require, since the command line
// runs its TypeScript through a CommonJS loader.)
/* eslint-disable @typescript-eslint/no-require-imports */
const postgres = (): typeof PostgresAdapter => require('@coachline/eventstore-postgres');
const esdb = (): typeof EsdbAdapter => require('@coachline/eventstore-esdb');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * `--store`: `memory:`, `postgres://…`, `esdb://…`, or a folder holding an embedded PGlite
 * database (the default, `./.coachline`). A store that cannot be opened is one line naming it
 * (without its password) and the reason.
 */
export const openStore = async (url: string | undefined, options: OpenStoreOptions = {}): Promise<OpenedStore> => {
  const location = storeLocationOf(url);
  if (location.kind === 'folder') await prepareStoreFolder(location.address, options.create === true);
  // A key file placed inside the store's folder is refused before the store is touched.
  keyFileOf(location, options.keyFile);
  try {
    const store = await openAdapter(location, options.create === true);
    if (location.kind === 'esdb') await ensureStoreAnswers(location.address, store, FIRST_ANSWER_MS);
    return await openWithChildDataProtection(store, await openKeys(store, location, options.keyFile));
  } catch (error) {
    if (error instanceof KeyFileError) throw new FailureError(error.message);
    if (location.kind === 'postgres' && error instanceof postgres().NoStoreError)
      throw new FailureError(`${escapeUnsafe(redactStoreUrl(location.address))}: ${error.message}; ${HOW_TO_CREATE}`);
    throw new FailureError(
      error instanceof StoreUnavailableError ? error.message : describeStoreFailure(location.address, error),
    );
  }
};

/** Refuses, before any work and without touching anything, a `--store` that `openStore` would refuse as named. */
export const checkStore = async (url: string | undefined, options: OpenStoreOptions = {}): Promise<void> => {
  const location = storeLocationOf(url);
  if (location.kind === 'folder') await checkStoreFolder(location.address, options.create === true);
};

const openAdapter = async (location: StoreLocation, create: boolean): Promise<AdapterStore> => {
  switch (location.kind) {
    case 'memory':
      return new InMemoryEventStore();
    case 'postgres':
      // As with a folder, only `import --create` makes a store in a database that holds none.
      return postgres().openPostgresEventStore({ connectionString: location.address, existingOnly: !create });
    case 'esdb':
      return esdb().openEsdbEventStore(location.address);
    case 'folder':
      return postgres().openPgliteEventStore({ dataDir: location.address });
  }
};
