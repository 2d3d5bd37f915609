import { resolve } from 'node:path';
import {
  describeStoreFailure,
  isInsideFolder,
  keyFileBeside,
  KeyFileError,
  type OpenedStore,
  redactStoreUrl,
  StoreUnavailableError,
} from '@coachline/eventstore';
import { escapeUnsafe } from '@coachline/domain';
import type * as PostgresAdapter from '@coachline/eventstore-postgres';
import { openStore as openStoreAt } from '@coachline/store-opener';
import { FailureError, UsageError } from '../commands/usage-error';
import { checkStoreFolder, HOW_TO_CREATE, prepareStoreFolder } from './store-folder';
import { DEFAULT_STORE, StoreLocation, storeLocationOf } from './store-location';

export { DEFAULT_STORE, isEsdbUrl } from './store-location';

/** The store with child data sealed on the way in, its key store, and the engine's checkpoints and bulk import. */
export type { OpenedStore } from '@coachline/eventstore';

export interface OpenStoreOptions {
  /** Make the embedded store when the folder is new or empty (`import --create`); no other command makes one. */
  readonly create?: boolean;
  /** `--key-file`: the key file of the store's key-encryption key (else COACHLINE_KEY_FILE, else beside the store folder). */
  readonly keyFile?: string | undefined;
  /**
   * The command appends events (`import`): on EventStoreDB it then seals the tree over them as it
   * goes. Every other command only reads, and leaves the tree to the writers.
   */
  readonly appends?: boolean;
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

// The PostgreSQL adapter is required only to recognise its refusal of a database without a store,
// once the opening has failed (a CommonJS require, as the command line runs through a CommonJS loader).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const postgres = (): typeof PostgresAdapter => require('@coachline/eventstore-postgres');

/**
 * `--store`: `memory:`, `postgres://…`, `esdb://…`, or a folder holding an embedded PGlite
 * database (the default, `./.coachline`). A store that cannot be opened is one line naming it
 * (without its password) and the reason.
 */
export const openStore = async (url: string | undefined, options: OpenStoreOptions = {}): Promise<OpenedStore> => {
  const location = storeLocationOf(url);
  if (location.kind === 'folder') await prepareStoreFolder(location.address, options.create === true);
  // A key file placed inside the store's folder is refused before the store is touched.
  const keyFile = keyFileOf(location, options.keyFile);
  try {
    // As with a folder, only `import --create` makes a store in a database that holds none.
    return await openStoreAt(location, {
      keyFile,
      existingOnly: options.create !== true,
      sealTree: options.appends === true,
    });
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
