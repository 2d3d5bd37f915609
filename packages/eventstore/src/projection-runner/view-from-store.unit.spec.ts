import { RecordedEvent } from '@coachline/domain';
import { dosageProjection, DosageView, viewOf } from '@coachline/projections';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { programHistory, sessionEvents } from './runner.fixtures';
import { viewFromStore } from './view-from-store';

const storeWith = async (events: ReadonlyArray<RecordedEvent>) => {
  const store = new InMemoryEventStore();
  for (const e of events)
    await store.append(
      e.stream,
      [{ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }],
      'any',
    );
  return store;
};

describe('a view replayed from the store', () => {
  const history = programHistory(sessionEvents(30, 4));

  it('as of a recorded-time moment equals the fold of what was recorded by then', async () => {
    const store = await storeWith(history);
    const asOf = '2025-10-15T00:00:00.000Z';
    const fromStore = await viewFromStore<DosageView>(store, dosageProjection, { asOf });
    expect(fromStore).toEqual(viewOf(dosageProjection, history, { asOf }));
    expect(fromStore.asOf).toBe(asOf);
  });

  it('as of a global position equals the fold of the events up to it', async () => {
    const store = await storeWith(history);
    const fromStore = await viewFromStore<DosageView>(store, dosageProjection, { untilPosition: 20 });
    expect(fromStore).toEqual(viewOf(dosageProjection, history.slice(0, 20), {}));
    expect(fromStore).not.toEqual(viewOf(dosageProjection, history, {}));
  });
});
