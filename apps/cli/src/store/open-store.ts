import {
  type ChildDataProtectedStore,
  type ChildKeyStore,
  EventStore,
  InMemoryChildKeyStore,
  InMemoryEventStore,
  openWithChildDataProtection,
} from '@coachline/eventstore';
import type * as EsdbAdapter from '@coachline/eventstore-esdb';
import type * as PostgresAdapter from '@coachline/eventstore-postgres';
import type { PostgresEventStore } from '@coachline/eventstore-postgres';

type AdapterStore = EventStore &
  Partial<Pick<PostgresEventStore, 'importEvents' | 'projectionCheckpoints'>> & { readonly childKeys?: () => ChildKeyStore };

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

/**
 * `--store`: `memory:`, `postgres://…`, `esdb://…`, or a folder holding an embedded PGlite
 * database (the default, `./.coachline`).
 */
export const openStore = async (url: string | undefined): Promise<OpenedStore> => {
  const store = await openAdapter(url);
  // PostgreSQL and PGlite keep keys in a table, EventStoreDB in a stream per child; memory: keeps
  // them as long as the process (docs/privacy.md).
  const keys: ChildKeyStore = store.childKeys?.() ?? new InMemoryChildKeyStore();
  return openWithChildDataProtection(store, keys);
};

const openAdapter = async (url: string | undefined): Promise<AdapterStore> => {
  const location = url ?? DEFAULT_STORE;
  if (location === 'memory:') return new InMemoryEventStore();
  if (/^postgres(ql)?:\/\//.test(location)) return postgres().openPostgresEventStore({ connectionString: location });
  if (isEsdbUrl(location)) return esdb().openEsdbEventStore(location);
  return postgres().openPgliteEventStore({ dataDir: location });
};
