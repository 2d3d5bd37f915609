import { dosageProjection, DosageView, viewOf } from '@coachline/projections';
import { programHistory, sessionEvents } from './runner.fixtures';
import { storeHolding } from './testing';
import { viewFromStore } from './view-from-store';

describe('a view replayed from the store', () => {
  const history = programHistory(sessionEvents(30, 4));

  it('as of a recorded-time moment equals the fold of what was recorded by then', async () => {
    const store = await storeHolding(history);
    const asOf = '2025-10-15T00:00:00.000Z';
    const fromStore = await viewFromStore<DosageView>(store, dosageProjection, { asOf });
    expect(fromStore).toEqual(viewOf(dosageProjection, history, { asOf }));
    expect(fromStore.asOf).toBe(asOf);
  });

  it('as of a global position equals the fold of the events up to it', async () => {
    const store = await storeHolding(history);
    const fromStore = await viewFromStore<DosageView>(store, dosageProjection, { untilPosition: 20 });
    expect(fromStore).toEqual(viewOf(dosageProjection, history.slice(0, 20), {}));
    expect(fromStore).not.toEqual(viewOf(dosageProjection, history, {}));
  });
});
