import { EventStore, InMemoryEventStore } from '@coachline/eventstore';
import type * as EsdbAdapter from '@coachline/eventstore-esdb';
import type * as PostgresAdapter from '@coachline/eventstore-postgres';
import type { PostgresEventStore } from '@coachline/eventstore-postgres';

export type OpenedStore = EventStore & Partial<Pick<PostgresEventStore, 'importEvents' | 'projectionCheckpoints'>>;

/** Where the zero-set-up store keeps its data (embedded PGlite), relative to the working folder. */
export const DEFAULT_STORE = './.coachline';

// The database adapters are required only when a command opens a store, so `verify` and
// `replay` start without loading database clients. (A CommonJS require, since the command line
// runs its TypeScript through a CommonJS loader.)
/* eslint-disable @typescript-eslint/no-require-imports */
const postgres = (): typeof PostgresAdapter => require('@coachline/eventstore-postgres');
const esdb = (): typeof EsdbAdapter => require('@coachline/eventstore-esdb');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * `--store`: `memory:`, `postgres://…`, `esdb://…`, or a folder holding an embedded PGlite
 * database (the default, `./.coachline`).
 */
export const openStore = async (url: string | undefined): Promise<OpenedStore> => {
  const location = url ?? DEFAULT_STORE;
  if (location === 'memory:') return new InMemoryEventStore();
  if (/^postgres(ql)?:\/\//.test(location)) return postgres().openPostgresEventStore({ connectionString: location });
  if (/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(location)) return esdb().openEsdbEventStore(location);
  return postgres().openPgliteEventStore({ dataDir: location });
};
