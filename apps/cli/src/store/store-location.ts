import { escapeUnsafe } from '@coachline/domain';
import { UsageError } from '../commands/usage-error';

/** Where the zero-set-up store keeps its data (embedded PGlite), relative to the working folder. */
export const DEFAULT_STORE = './.coachline';

/** What `--store` names: the kind of store, and how to reach it. */
export type StoreLocation =
  | { readonly kind: 'memory'; readonly address: string }
  | { readonly kind: 'folder'; readonly address: string }
  | { readonly kind: 'postgres'; readonly address: string }
  | { readonly kind: 'esdb'; readonly address: string };

/** EventStoreDB and KurrentDB connection strings. */
export const isEsdbUrl = (location: string): boolean =>
  /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(location);

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//.test(location);

/**
 * `--store`: `memory:`, `postgres://…`, `esdb://…`, or a folder holding an embedded PGlite
 * database (the default, `./.coachline`). Any other `scheme://` is a mistyped server address,
 * never a folder to be made under that name.
 */
export const storeLocationOf = (url: string | undefined): StoreLocation => {
  const address = url ?? DEFAULT_STORE;
  if (address === 'memory:') return { kind: 'memory', address };
  if (isPostgresUrl(address)) return { kind: 'postgres', address };
  if (isEsdbUrl(address)) return { kind: 'esdb', address };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(address) || address === '')
    throw new UsageError(
      `--store: expected memory:, a folder, postgres://… or esdb://…, got "${escapeUnsafe(address)}"`,
    );
  return { kind: 'folder', address };
};
