import { escapeUnsafe } from '@coachline/domain';
import { type StoreLocation, storeLocationOf as storeLocationAt } from '@coachline/store-opener';
import { UsageError } from '../commands/usage-error';

/** Where the zero-set-up store keeps its data (embedded PGlite), relative to the working folder. */
export const DEFAULT_STORE = './.coachline';

/** What `--store` names: the kind of store, and how to reach it. */
export type { StoreLocation } from '@coachline/store-opener';
export { isEsdbUrl, isPostgresUrl } from '@coachline/store-opener';

/**
 * `--store`: `memory:`, `postgres://…`, `esdb://…`, or a folder holding an embedded PGlite
 * database (the default, `./.coachline`). Any other `scheme://` is a mistyped server address,
 * never a folder to be made under that name.
 */
export const storeLocationOf = (url: string | undefined): StoreLocation => {
  const address = url ?? DEFAULT_STORE;
  const location = storeLocationAt(address);
  if (location === undefined)
    throw new UsageError(
      `--store: expected memory:, a folder, postgres://… or esdb://…, got "${escapeUnsafe(address)}"`,
    );
  return location;
};
