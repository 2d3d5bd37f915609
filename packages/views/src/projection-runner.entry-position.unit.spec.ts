import fc from 'fast-check';
import { RecordedEvent } from '@coachline/domain';
import {
  AnyProjection,
  dosageProjection,
  subjectEntriesOf,
  foldHistory,
  timelineProjection,
} from '@coachline/projections';
import { identifyingHistory } from '@coachline/projections/testing';
import { InMemoryProjectionCheckpoints } from '@coachline/eventstore';
import { ProjectionRunner } from './projection-runner';
import { programHistory, sessionEvents } from './runner.fixtures';
import { appendable, storeHolding } from './testing';

/** The position of the last of `events` (the nth at position n) whose fold names the entry, by the view's own account. */
const lastNaming = (projection: AnyProjection, events: ReadonlyArray<RecordedEvent>, table: string, id: string) => {
  let state = projection.init();
  let last = 0;
  events.forEach((event, index) => {
    if (!projection.eventTypes.includes(event.type)) return;
    const refs = projection.subjects?.changedBy(state, event) ?? [];
    if (refs.some(([named, namedId]) => named === table && (namedId === undefined || namedId === id))) last = index + 1;
    state = projection.apply(state, event);
  });
  return last;
};

describe('the position of a view’s entry', () => {
  it('is the loaded position until an event changes the entry, then that event’s position', async () => {
    const history = programHistory(sessionEvents(9, 0));
    const store = await storeHolding(history);
    const checkpoints = new InMemoryProjectionCheckpoints();
    const first = new ProjectionRunner({ store, checkpoints, projections: [dosageProjection] });
    await first.start();
    await first.stop();
    const runner = new ProjectionRunner({ store, checkpoints, projections: [dosageProjection] });
    await runner.load();
    expect(runner.entryPosition('dosage', 'providers', 'p-1')).toBe(history.length);
    await runner.start();
    const voided = {
      ...history.at(-1)!,
      id: '00000000-0000-4000-8000-0000000000ff',
      type: 'SessionVoided',
      data: { providerId: 'p-2', sessionId: 's-2', reason: 'Logged twice.' },
    } as RecordedEvent;
    await store.append(voided.stream, [appendable(voided)], 'any');
    await waitUntil(() => runner.positionOf('dosage') === history.length + 1);
    await runner.stop();
    expect(runner.entryPosition('dosage', 'providers', 'p-2')).toBe(history.length + 1);
    expect(runner.entryPosition('dosage', 'providers', 'p-1')).toBe(history.length);
    expect(runner.entryPosition('dosage', 'coaches', 'c-03')).toBe(history.length);
    expect(runner.entryPosition('no-such-view', 'providers', 'p-1')).toBe(0);
  });

  it('never falls below the last event that changed the entry, and is exactly it past a load by subject', async () => {
    await fc.assert(
      fc.asyncProperty(identifyingHistory({ maxProviders: 4, maxEvents: 40 }), fc.nat(), async ({ events }, stopAt) => {
        const cut = stopAt % (events.length + 1);
        const store = await storeHolding(events.slice(0, cut));
        const checkpoints = new InMemoryProjectionCheckpoints();
        const projections = [dosageProjection, timelineProjection];
        const first = new ProjectionRunner({ store, checkpoints, projections });
        await first.start();
        await first.stop();
        for (const event of events.slice(cut)) await store.append(event.stream, [appendable(event)], 'any');
        const second = new ProjectionRunner({ store, checkpoints, projections });
        await second.start();
        await second.stop();
        for (const projection of projections) {
          const loadedAt = first.positionOf(projection.name);
          // A view saved with no entry yet loads as one rebuilt from nothing, its entries not told apart.
          const loadedBySubject =
            subjectEntriesOf(projection, foldHistory(projection, events.slice(0, cut)).state).length > 0;
          for (const [table, id] of subjectEntriesOf(projection, foldHistory(projection, events).state)) {
            const last = lastNaming(projection, events, table, id);
            const position = second.entryPosition(projection.name, table, id);
            expect(position).toBeGreaterThanOrEqual(last);
            expect(position).toBeLessThanOrEqual(second.positionOf(projection.name));
            if (loadedBySubject) expect(position).toBe(Math.max(loadedAt, last));
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

const waitUntil = async (done: () => boolean): Promise<void> => {
  for (let tries = 0; !done(); tries++) {
    if (tries > 200) throw new Error('The runner did not fold the event in time.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
