/**
 * Where a store is: `memory:` for one run, a folder for an embedded PGlite database,
 * `postgres://…` for a PostgreSQL server (in `schema`, `coachline` by default), `esdb://…` (or
 * `kurrentdb://…`) for EventStoreDB / KurrentDB.
 */
export type StoreLocation =
  | { readonly kind: 'memory'; readonly address: string }
  | { readonly kind: 'folder'; readonly address: string }
  | { readonly kind: 'postgres'; readonly address: string; readonly schema?: string }
  | { readonly kind: 'esdb'; readonly address: string };

export const MEMORY_STORE = 'memory:';

/** EventStoreDB and KurrentDB connection strings. */
export const isEsdbUrl = (location: string): boolean =>
  /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(location);

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//.test(location);

/**
 * The store a location names, by its form alone; `undefined` for an empty text or any other
 * `scheme://`, which is a mistyped server address, never a folder to be made under that name.
 */
export const storeLocationOf = (address: string): StoreLocation | undefined => {
  if (address === MEMORY_STORE) return { kind: 'memory', address };
  if (isPostgresUrl(address)) return { kind: 'postgres', address };
  if (isEsdbUrl(address)) return { kind: 'esdb', address };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(address) || address === '') return undefined;
  return { kind: 'folder', address };
};
