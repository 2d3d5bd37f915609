import { type EventStore, InMemoryProjectionCheckpoints, type ProjectionCheckpoints } from '@coachline/eventstore';

export interface CheckpointSetup {
  readonly checkpoints: ProjectionCheckpoints;
  /** When the runner saves views with their checkpoints (events folded, milliseconds). */
  readonly saveEvery: { readonly events: number; readonly ms: number };
}

/** A store that keeps projection checkpoints beside its events (PostgreSQL, PGlite). */
interface KeepsCheckpoints {
  projectionCheckpoints(): ProjectionCheckpoints;
}

const keepsCheckpoints = (store: EventStore): store is EventStore & KeepsCheckpoints =>
  typeof (store as Partial<KeepsCheckpoints>).projectionCheckpoints === 'function';

/**
 * Where the projection runner keeps its views: in the store's own database when it has one, so
 * a restart folds only what came after the last save. Saving writes every view whole, a pause
 * that grows with the history, so it happens every 10 s at most. Other stores keep them in
 * memory, which cannot outlive the process: those are rebuilt at each start and never saved
 * while running.
 */
export const openCheckpoints = (store: EventStore): CheckpointSetup =>
  keepsCheckpoints(store)
    ? { checkpoints: store.projectionCheckpoints(), saveEvery: { events: 100_000, ms: 10_000 } }
    : { checkpoints: new InMemoryProjectionCheckpoints(), saveEvery: { events: Number.POSITIVE_INFINITY, ms: Number.POSITIVE_INFINITY } };
