import { EventStore, InMemoryEventStore } from '@coachline/eventstore';
import type { PostgresEventStore } from '@coachline/eventstore-postgres';

export type OpenedStore = EventStore & Partial<Pick<PostgresEventStore, 'importEvents'>>;

/** Where the zero-set-up store keeps its data (embedded PGlite), relative to the working folder. */
export const DEFAULT_STORE = './.coachline';

/**
 * `--store`: `memory:`, `postgres://…`, `esdb://…`, or a folder holding an embedded PGlite
 * database (the default, `./.coachline`). The database adapters are loaded only when asked
 * for, so `verify` and `replay` start without loading database clients.
 */
export const openStore = async (url: string | undefined): Promise<OpenedStore> => {
  const location = url ?? DEFAULT_STORE;
  if (location === 'memory:') return new InMemoryEventStore();
  if (/^postgres(ql)?:\/\//.test(location)) return (await import('@coachline/eventstore-postgres')).openPostgresEventStore({ connectionString: location });
  if (/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(location)) return (await import('@coachline/eventstore-esdb')).openEsdbEventStore(location);
  return (await import('@coachline/eventstore-postgres')).openPgliteEventStore({ dataDir: location });
};
