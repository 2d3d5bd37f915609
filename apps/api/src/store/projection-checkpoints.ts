import {
  type EventStore,
  InMemoryProjectionCheckpoints,
  type OpenedStore,
  type ProjectionCheckpoints,
  type ProjectionRecord,
} from '@coachline/eventstore';
import { asRecordedEvent } from '@coachline/views';
import type { AnyProjection } from '@coachline/projections';

export interface CheckpointSetup {
  readonly checkpoints: ProjectionCheckpoints;
  /** When the runner saves views with their checkpoints (events folded, milliseconds). */
  readonly saveEvery: { readonly events: number; readonly ms: number };
}

/**
 * A view rebuilt from the events alone, up to the head, reading only the events it folds: cheap
 * for a fold of a few event types. Only those events are read, so the record carries no latest
 * recorded moment, which only views that ignore the as-of moment can do without. An event the
 * view cannot fold parks it there, as the runner would.
 */
const rebuiltRecord = async (store: EventStore, projection: AnyProjection): Promise<ProjectionRecord> => {
  const head = await store.headPosition();
  const record = { name: projection.name, version: projection.version };
  let state: unknown = projection.init();
  for await (const stored of store.readAll({ types: projection.eventTypes })) {
    if (stored.position > head) break;
    try {
      state = projection.apply(state, asRecordedEvent(stored));
    } catch (error) {
      const parked = {
        position: stored.position,
        eventId: stored.id,
        eventType: stored.type,
        error: (error as Error).message ?? String(error),
      };
      return { ...record, position: stored.position - 1, state: { view: state }, parked };
    }
  }
  return { ...record, position: head, state: { view: state } };
};

/**
 * Checkpoints where some views are never read from the store: each load rebuilds them from the
 * events, and what the runner saves of them stays unsaved. Access is decided on these views, and
 * a row of the views table is something anyone with write access to the database can edit;
 * nothing checks it against the events before it is loaded.
 */
class RebuiltAtLoad implements ProjectionCheckpoints {
  constructor(
    private readonly store: EventStore,
    private readonly stored: ProjectionCheckpoints,
    private readonly rebuilt: ReadonlyMap<string, AnyProjection>,
  ) {}

  load(name: string): Promise<ProjectionRecord | undefined> {
    const projection = this.rebuilt.get(name);
    return projection === undefined ? this.stored.load(name) : rebuiltRecord(this.store, projection);
  }

  async save(record: ProjectionRecord): Promise<void> {
    if (!this.rebuilt.has(record.name)) await this.stored.save(record);
  }

  async list(): Promise<ReadonlyArray<ProjectionRecord>> {
    return (await this.stored.list()).filter((record) => !this.rebuilt.has(record.name));
  }
}

/**
 * Where the projection runner keeps its views: in the store's own database when it has one, so
 * a restart folds only what came after the last save. Saving writes every view whole, a pause
 * that grows with the history, so it happens every 10 s at most. Other stores keep them in
 * memory, which cannot outlive the process: those are rebuilt at each start and never saved
 * while running. The views in `rebuiltAtStart` are rebuilt from the events at every start
 * whatever the store keeps, and never saved.
 */
export const openCheckpoints = (
  store: OpenedStore,
  rebuiltAtStart: ReadonlyArray<AnyProjection> = [],
): CheckpointSetup => {
  const setup: CheckpointSetup = store.projectionCheckpoints
    ? { checkpoints: store.projectionCheckpoints(), saveEvery: { events: 100_000, ms: 10_000 } }
    : {
        checkpoints: new InMemoryProjectionCheckpoints(),
        saveEvery: { events: Number.POSITIVE_INFINITY, ms: Number.POSITIVE_INFINITY },
      };
  if (rebuiltAtStart.length === 0) return setup;
  const rebuilt = new Map(rebuiltAtStart.map((projection) => [projection.name, projection]));
  return { ...setup, checkpoints: new RebuiltAtLoad(store, setup.checkpoints, rebuilt) };
};
