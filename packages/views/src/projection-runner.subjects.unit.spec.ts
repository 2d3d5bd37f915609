import fc from 'fast-check';
import { dosageProjection, render, foldHistory, storedProjections, timelineProjection } from '@coachline/projections';
import { identifyingHistory } from '@coachline/projections/testing';
import { InMemoryProjectionCheckpoints, ProjectionRecord } from '@coachline/eventstore';
import { ProjectionRunner } from './projection-runner';
import { programHistory, sessionEvents } from './runner.fixtures';
import { appendable, storeHolding } from './testing';

/** Checkpoints that remember what each save wrote. */
class RecordedSaves extends InMemoryProjectionCheckpoints {
  readonly saves: ProjectionRecord[] = [];
  override async save(record: ProjectionRecord): Promise<void> {
    this.saves.push(record);
    await super.save(record);
  }
}

const kept = storedProjections.filter((projection) => projection.name !== 'history');

describe('the projection runner with views kept by subject', () => {
  it('saves, after a write to one provider, that provider’s entries and no other', async () => {
    const history = programHistory(sessionEvents(12, 2));
    const store = await storeHolding(history.slice(0, -1));
    const checkpoints = new RecordedSaves();
    const first = new ProjectionRunner({ store, checkpoints, projections: [dosageProjection, timelineProjection] });
    await first.start();
    await first.stop();
    const last = history.at(-1)!;
    await store.append(last.stream, [appendable(last)], 'any');
    checkpoints.saves.length = 0;
    const second = new ProjectionRunner({ store, checkpoints, projections: [dosageProjection, timelineProjection] });
    await second.start();
    await second.stop();
    const providerId = (last.data as { providerId: string }).providerId;
    expect(checkpoints.saves.map((save) => [save.name, save.position, save.subjects])).toEqual([
      [
        'dosage',
        history.length,
        { fresh: false, changed: [[`["view","providers","${providerId}"]`, expect.anything()]] },
      ],
      [
        'timeline',
        history.length,
        { fresh: false, changed: [[`["view","providers","${providerId}"]`, expect.anything()]] },
      ],
      // Saving again when nothing has changed writes no entry.
      ['dosage', history.length, { fresh: false, changed: [] }],
      ['timeline', history.length, { fresh: false, changed: [] }],
    ]);
  });

  it('writes a view rebuilt from nothing whole at each save until caught up, and only what changed after', async () => {
    const history = programHistory(sessionEvents(12, 2));
    const store = await storeHolding(history);
    const checkpoints = new RecordedSaves();
    const runner = new ProjectionRunner({
      store,
      checkpoints,
      projections: [dosageProjection],
      saveEvery: { events: 5, ms: Number.MAX_SAFE_INTEGER },
    });
    await runner.start();
    await runner.stop();
    const fresh = checkpoints.saves.map((save) => save.subjects?.fresh);
    // Saves by the count while catching up, the one on catching up, and the one on stopping.
    expect(fresh.length).toBeGreaterThan(3);
    expect(fresh.slice(0, -1).every((whole) => whole === true)).toBe(true);
    expect(fresh.at(-1)).toBe(false);
  });

  it('resumes every stored view, saved by subject at any points and stopped anywhere, as an uninterrupted fold', async () => {
    await fc.assert(
      fc.asyncProperty(
        identifyingHistory({ maxProviders: 5, maxEvents: 50 }),
        fc.nat(),
        fc.integer({ min: 1, max: 20 }),
        async ({ events }, stopAt, saveEvery) => {
          const cut = stopAt % (events.length + 1);
          const store = await storeHolding(events.slice(0, cut));
          const checkpoints = new InMemoryProjectionCheckpoints();
          const options = { store, checkpoints, projections: kept };
          const first = new ProjectionRunner({ ...options, saveEvery: { events: saveEvery, ms: 1e12 } });
          await first.start();
          await first.stop();
          for (const event of events.slice(cut)) await store.append(event.stream, [appendable(event)], 'any');
          const second = new ProjectionRunner(options);
          await second.start();
          await second.stop();
          for (const projection of kept) {
            const whole = foldHistory(projection, events);
            expect(second.view(projection.name, {})).toEqual(render(projection, whole, {}));
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
