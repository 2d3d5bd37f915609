import fc from 'fast-check';
import { RecordedEvent, withoutPrototypes } from '@coachline/domain';
import { foldHistory, render } from './fold';
import { AnyProjection } from './projection';
import { storedProjections } from './registry';
import { sharedStateOf, stateAssembly, SubjectChanges } from './subjects';
import { identifyingHistory } from './testing';

const bySubject = storedProjections.filter((projection) => projection.subjects !== undefined);

/** Every entry of the state's subject tables as JSON, by key. */
const entriesOf = (projection: AnyProjection, state: unknown): Map<string, string> => {
  const entries = new Map<string, string>();
  for (const table of projection.subjects!.tables)
    for (const [id, entry] of Object.entries((state as Record<string, object>)[table] ?? {}))
      entries.set(`${table}/${id}`, JSON.stringify(entry));
  return entries;
};

/** What a store keeps of a view kept by subject: its shared part and its entries, as JSON text. */
interface Kept {
  shared: string;
  entries: Map<string, string>;
}

const save = (projection: AnyProjection, kept: Kept, changes: SubjectChanges, state: unknown): void => {
  kept.shared = JSON.stringify(sharedStateOf(projection, state));
  for (const [table, id, entry] of changes.take(state)) {
    if (entry === undefined) kept.entries.delete(JSON.stringify([table, id]));
    else kept.entries.set(JSON.stringify([table, id]), JSON.stringify(entry));
  }
};

const load = (projection: AnyProjection, kept: Kept): unknown => {
  const assembly = stateAssembly(projection, withoutPrototypes(JSON.parse(kept.shared) as Record<string, unknown>));
  for (const [key, json] of kept.entries) {
    const [table, id] = JSON.parse(key) as [string, string];
    assembly.add(table, id, withoutPrototypes(JSON.parse(json)));
  }
  return assembly.state();
};

const histories = identifyingHistory({ maxProviders: 6, maxEvents: 60 }).map((history) => history.events);

describe('views kept by subject', () => {
  it('are the views the runner keeps: every stored view but history', () => {
    expect(bySubject.map((projection) => projection.name).sort()).toEqual([
      'caseloads',
      'cycles',
      'dosage',
      'evaluation',
      'recording-lag',
      'share',
      'timeline',
    ]);
  });

  it.each(bySubject.map((projection) => [projection.name, projection] as const))(
    '%s: every entry an event changes is one its changedBy names',
    (_name, projection) => {
      fc.assert(
        fc.property(histories, (events) => {
          let state = projection.init();
          for (const event of events) {
            if (!projection.eventTypes.includes(event.type)) continue;
            const before = entriesOf(projection, state);
            const changes = new SubjectChanges();
            changes.note(projection, state, event);
            state = projection.apply(state, event);
            const named = new Set(changes.take(state).map(([table, id]) => `${table}/${id}`));
            for (const [key, json] of entriesOf(projection, state))
              if (before.get(key) !== json)
                expect({ event: event.type, key, named: named.has(key) }).toEqual({
                  event: event.type,
                  key,
                  named: true,
                });
          }
        }),
        { numRuns: 60 },
      );
    },
  );

  it.each(bySubject.map((projection) => [projection.name, projection] as const))(
    '%s: saved by subject at any points and resumed from any, renders what an uninterrupted fold renders',
    (_name, projection) => {
      fc.assert(
        fc.property(
          histories,
          fc.array(fc.nat(), { maxLength: 6 }),
          fc.nat(),
          (events: RecordedEvent[], savePoints, resumeAt) => {
            const saves = new Set(savePoints.map((point) => point % (events.length + 1)));
            const resume = resumeAt % (events.length + 1);
            const kept: Kept = { shared: '', entries: new Map() };
            const changes = new SubjectChanges();
            let state = projection.init();
            // Saved at the resume point too: a runner resumes from its last save.
            for (let i = 0; i <= resume; i++) {
              if (saves.has(i) || i === resume) save(projection, kept, changes, state);
              const event = events[i];
              if (i === resume || event === undefined || !projection.eventTypes.includes(event.type)) continue;
              changes.note(projection, state, event);
              state = projection.apply(state, event);
            }
            let resumed = load(projection, kept);
            for (const event of events.slice(resume))
              if (projection.eventTypes.includes(event.type)) resumed = projection.apply(resumed, event);
            const whole = foldHistory(projection, events);
            const asOf = whole.latestRecordedAt ?? '2026-01-01T00:00:00.000Z';
            expect(render(projection, { ...whole, state: resumed }, { asOf })).toEqual(
              render(projection, whole, { asOf }),
            );
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
