import { resolve } from 'node:path';
import {
  type ChildDataProtectedStore,
  type ChildKeyStore,
  type ChildKeyVault,
  EventStore,
  InMemoryChildKeyStore,
  InMemoryEventStore,
  isInsideFolder,
  keyEncryptionKeyFile,
  keyFileBeside,
  KeyFileError,
  openChildKeyStore,
  openWithChildDataProtection,
} from '@coachline/eventstore';
import type * as EsdbAdapter from '@coachline/eventstore-esdb';
import type * as PostgresAdapter from '@coachline/eventstore-postgres';
import type { PostgresEventStore } from '@coachline/eventstore-postgres';
import { FailureError, UsageError } from '../commands/usage-error';

type AdapterStore = EventStore &
  Partial<Pick<PostgresEventStore, 'importEvents' | 'projectionCheckpoints'>> & { readonly childKeyVault?: () => ChildKeyVault };

/** The store with child data sealed on the way in, and the key store it seals with. */
export type OpenedStore = ChildDataProtectedStore<EventStore & Partial<Pick<PostgresEventStore, 'importEvents' | 'projectionCheckpoints'>>>;

/** Where the zero-set-up store keeps its data (embedded PGlite), relative to the working folder. */
export const DEFAULT_STORE = './.coachline';

// The database adapters are required only when a command opens a store, so `verify` and
// `replay` start without loading database clients. (A CommonJS require, since the command line
// runs its TypeScript through a CommonJS loader.)
/* eslint-disable @typescript-eslint/no-require-imports */
const postgres = (): typeof PostgresAdapter => require('@coachline/eventstore-postgres');
const esdb = (): typeof EsdbAdapter => require('@coachline/eventstore-esdb');
/* eslint-enable @typescript-eslint/no-require-imports */

/** EventStoreDB and KurrentDB connection strings. */
export const isEsdbUrl = (location: string): boolean => /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(location);

export interface OpenStoreOptions {
  /** `--key-file`: the key file of the store's key-encryption key (else COACHLINE_KEY_FILE, else beside the store folder). */
  readonly keyFile?: string | undefined;
}

export const KEY_FILE_ENV = 'COACHLINE_KEY_FILE';

const isServerUrl = (location: string): boolean => location === 'memory:' || /^postgres(ql)?:\/\//.test(location) || isEsdbUrl(location);

/**
 * The key file: `--key-file`, else COACHLINE_KEY_FILE, else in a folder beside the store's folder
 * (`<folder>-keys/`; for a server, beside the default `./.coachline`), never inside the folder,
 * so a copy of the database is never a copy of the key.
 */
export const keyFileOf = (url: string | undefined, configured: string | undefined): string => {
  const location = url ?? DEFAULT_STORE;
  const folder = isServerUrl(location) ? undefined : location;
  const given = configured ?? (process.env[KEY_FILE_ENV] === '' ? undefined : process.env[KEY_FILE_ENV]);
  const keyFile = given === undefined ? keyFileBeside(folder ?? DEFAULT_STORE) : resolve(given);
  if (folder !== undefined && isInsideFolder(keyFile, folder))
    throw new UsageError(`--key-file: the key file must be outside the store folder ${resolve(folder)}, so that a copy of the store holds no key`);
  return keyFile;
};

/** The children's key store: wrapped under the key file's key in a database, in the process for `memory:` (docs/privacy.md). */
const openKeys = async (store: AdapterStore, keyFile: string): Promise<ChildKeyStore> => {
  if (store.childKeyVault === undefined) return new InMemoryChildKeyStore();
  try {
    return await openChildKeyStore(store.childKeyVault(), keyEncryptionKeyFile(keyFile));
  } catch (error) {
    await store.close();
    throw error instanceof KeyFileError ? new FailureError(error.message) : error;
  }
};

/**
 * `--store`: `memory:`, `postgres://…`, `esdb://…`, or a folder holding an embedded PGlite
 * database (the default, `./.coachline`).
 */
export const openStore = async (url: string | undefined, options: OpenStoreOptions = {}): Promise<OpenedStore> => {
  // A key file placed inside the store's folder is refused before the store is touched.
  const keyFile = keyFileOf(url, options.keyFile);
  const store = await openAdapter(url);
  return openWithChildDataProtection(store, await openKeys(store, keyFile));
};

const openAdapter = async (url: string | undefined): Promise<AdapterStore> => {
  const location = url ?? DEFAULT_STORE;
  if (location === 'memory:') return new InMemoryEventStore();
  if (/^postgres(ql)?:\/\//.test(location)) return postgres().openPostgresEventStore({ connectionString: location });
  if (isEsdbUrl(location)) return esdb().openEsdbEventStore(location);
  return postgres().openPgliteEventStore({ dataDir: location });
};
