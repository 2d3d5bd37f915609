import type { StoreEngine } from '@coachline/eventstore';
import type { EsdbEventStore, SealedTreeCheck } from '@coachline/eventstore-esdb';

/** An engine whose tree is sealed apart from its appends, in chunks that can be held against its events. */
const sealsApart = (events: StoreEngine['events']): events is EsdbEventStore =>
  typeof (events as Partial<EsdbEventStore>).compareTreeWithAll === 'function';

/**
 * On EventStoreDB, the tree's sealed chunks compared with the tree recomputed from `$all` (one read
 * of it): proofs are served from those chunks, so an audit checks them too. `undefined` for an
 * engine that writes its tree with its events, which has no chunks to compare. Told apart by what
 * the engine offers, so that checking a folder or a PostgreSQL store never loads the EventStoreDB client.
 */
export const compareSealedTree = async (engine: StoreEngine): Promise<SealedTreeCheck | undefined> =>
  sealsApart(engine.events) ? engine.events.compareTreeWithAll() : undefined;
