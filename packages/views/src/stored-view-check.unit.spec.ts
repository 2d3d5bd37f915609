import fc from 'fast-check';
import {
  AnyProjection,
  caseloadsProjection,
  cyclesProjection,
  dosageProjection,
  storedProjections,
  timelineProjection,
} from '@coachline/projections';
import { at } from '@coachline/projections/testing';
import {
  InMemoryEventStore,
  InMemoryProjectionCheckpoints,
  ProjectionRecord,
  StoredViewRow,
} from '@coachline/eventstore';
import { ProjectionRunner } from './projection-runner';
import { programHistory, sessionEvents } from './runner.fixtures';
import { StoredViewCheck, StoredViewVerdict } from './stored-view-check';
import { storeHolding } from './testing';

/** Sessions, then one provider moved to another coach: every view and the caseloads have something to hold. */
const history = (sessions: number, voids: number) =>
  programHistory((builder) =>
    sessionEvents(
      sessions,
      voids,
    )(builder).add(
      'ProviderReassigned',
      { providerId: 'p-1', fromCoachId: 'c-03', toCoachId: 'c-07', on: '2026-01-20' },
      at('2026-01-20'),
    ),
  );

/** Checkpoints that keep every record ever saved, as rows a store would have held at each moment. */
class EverySave extends InMemoryProjectionCheckpoints {
  readonly saves: ProjectionRecord[] = [];
  override async save(record: ProjectionRecord): Promise<void> {
    await super.save(record);
    // The row as a store holds it after this save: a view kept by subject, whole with its entries.
    const saved = (await this.list()).find((listed) => listed.name === record.name)!;
    this.saves.push(JSON.parse(JSON.stringify(saved)) as ProjectionRecord);
  }
}

const rowOf = (record: ProjectionRecord): StoredViewRow => ({
  name: record.name,
  version: record.version,
  position: record.position,
  state: JSON.stringify(record.state),
  ...(record.parked ? { parkedAt: record.parked.position } : {}),
});

const check = async (
  store: InMemoryEventStore,
  rows: ReadonlyArray<StoredViewRow>,
  projections: ReadonlyArray<AnyProjection> = storedProjections,
) => {
  const head = await store.headPosition();
  const checker = new StoredViewCheck(rows, projections, head);
  for await (const event of store.readAll()) checker.push(event);
  return checker.finish();
};

/** The dosage view as stored, as far as the edits below reach into it. */
interface StoredDosage {
  view: {
    coaches: Record<string, true>;
    providers: Record<string, { sessions: Record<string, { durationMinutes: number }> }>;
  };
}

/** The rows the runner stores for a whole history, with `edit` applied to the dosage row's state. */
const storedRows = async (store: InMemoryEventStore, edit: (state: StoredDosage) => void = () => undefined) => {
  const checkpoints = new InMemoryProjectionCheckpoints();
  const runner = new ProjectionRunner({ store, checkpoints, projections: storedProjections });
  await runner.start();
  await runner.stop();
  const records = await checkpoints.list();
  return records.map((record) => {
    if (record.name !== 'dosage') return rowOf(record);
    const state = record.state as StoredDosage;
    edit(state);
    return rowOf({ ...record, state });
  });
};

const differing = (verdicts: ReadonlyArray<StoredViewVerdict>) =>
  verdicts.filter((verdict) => verdict.kind === 'differs');

describe('checking stored views against the events', () => {
  it('finds every row the runner saved, at any save and after a resume, the same as the events at its position', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 30 }),
        async (sessions, voids, saveEvery) => {
          const store = await storeHolding(history(sessions, voids));
          const checkpoints = new EverySave();
          const runner = new ProjectionRunner({
            store,
            checkpoints,
            projections: storedProjections,
            saveEvery: { events: saveEvery, ms: Number.MAX_SAFE_INTEGER },
          });
          await runner.start();
          await runner.stop();
          // A second run resumes from the rows the first left: its saves fold on top of JSON read back.
          const resumed = new ProjectionRunner({
            store,
            checkpoints,
            projections: storedProjections,
            saveEvery: { events: saveEvery, ms: Number.MAX_SAFE_INTEGER },
          });
          await resumed.start();
          await resumed.stop();
          const verdicts = await check(store, checkpoints.saves.map(rowOf));
          expect(differing(verdicts)).toEqual([]);
          expect(verdicts.length).toBe(checkpoints.saves.length);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('names the view and the first path where a stored value was changed, with both values', async () => {
    const store = await storeHolding(history(12, 0));
    const rows = await storedRows(store, (state) => {
      state.view.providers['p-1']!.sessions['s-1']!.durationMinutes = 90;
    });
    const verdicts = await check(store, rows);
    expect(differing(verdicts)).toEqual([
      {
        name: 'dosage',
        position: await store.headPosition(),
        kind: 'differs',
        difference: {
          kind: 'value',
          difference: {
            path: ['view', 'providers', 'p-1', 'sessions', 's-1', 'durationMinutes'],
            stored: { present: true, value: 90 },
            rebuilt: { present: true, value: 30 },
          },
        },
      },
    ]);
    expect(verdicts.filter((verdict) => verdict.kind === 'matches').map((verdict) => verdict.name)).toEqual([
      'caseloads',
      'cycles',
      'evaluation',
      'history',
      'recording-lag',
      'share',
      'timeline',
    ]);
  });

  it('names a key added to or taken from a stored view', async () => {
    const store = await storeHolding(history(6, 0));
    const added = await check(store, await storedRows(store, (state) => (state.view.coaches['c-forged'] = true)));
    expect(differing(added)[0]).toMatchObject({
      difference: {
        difference: {
          path: ['view', 'coaches', 'c-forged'],
          stored: { present: true, value: true },
          rebuilt: { present: false },
        },
      },
    });
    const taken = await check(store, await storedRows(store, (state) => delete state.view.providers['p-2']));
    expect(differing(taken)[0]).toMatchObject({
      difference: { difference: { path: ['view', 'providers', 'p-2'], stored: { present: false } } },
    });
  });

  it('sees a forged caseload: a coach given a provider the events never gave them', async () => {
    const store = await storeHolding(history(3, 0));
    const head = await store.headPosition();
    const forged = {
      coachOf: { 'p-0': 'c-03', 'p-1': 'c-03', 'p-2': 'c-03' },
      caseloads: { 'c-03': { 'p-0': true, 'p-1': true, 'p-2': true }, 'c-07': {} },
    };
    const [verdict] = await check(
      store,
      [
        {
          name: 'caseloads',
          version: caseloadsProjection.version,
          position: head,
          state: JSON.stringify({ view: forged }),
        },
      ],
      [caseloadsProjection],
    );
    expect(verdict).toMatchObject({
      kind: 'differs',
      difference: {
        kind: 'value',
        difference: { path: ['view', 'coachOf', 'p-1'], stored: { value: 'c-03' }, rebuilt: { value: 'c-07' } },
      },
    });
  });

  it('compares a view behind the head at its own position, and finds it changed there', async () => {
    const events = history(10, 0);
    const store = await storeHolding(events);
    const checkpoints = new EverySave();
    const runner = new ProjectionRunner({
      store,
      checkpoints,
      projections: [dosageProjection],
      saveEvery: { events: 4, ms: Number.MAX_SAFE_INTEGER },
    });
    await runner.start();
    await runner.stop();
    const behind = checkpoints.saves.find((record) => record.position > 0 && record.position < events.length)!;
    expect(await check(store, [rowOf(behind)])).toEqual([
      { name: 'dosage', position: behind.position, kind: 'matches' },
    ]);
    // The same row claiming the head's position lacks what came after it.
    const [moved] = await check(store, [rowOf({ ...behind, position: events.length })]);
    expect(moved).toMatchObject({ kind: 'differs', difference: { kind: 'value' } });
  });

  it('reports rows that are no view of the store at all, and leaves alone those another version wrote', async () => {
    const store = await storeHolding(history(2, 0));
    const head = await store.headPosition();
    const state = JSON.stringify({ view: dosageProjection.init() });
    const verdicts = await check(store, [
      { name: 'dosage', version: dosageProjection.version, position: head + 5, state },
      { name: 'timeline', version: timelineProjection.version, position: Number.NaN, state },
      { name: 'cycles', version: cyclesProjection.version, position: 0, state: '{"view":' },
      { name: 'share', version: 0, position: head, state },
      { name: 'forecast', version: 1, position: head, state },
    ]);
    expect(
      verdicts.map((verdict) => [
        verdict.name,
        verdict.kind,
        verdict.kind === 'differs' ? verdict.difference.kind : undefined,
      ]),
    ).toEqual([
      ['cycles', 'differs', 'not-json'],
      ['dosage', 'differs', 'beyond-head'],
      ['forecast', 'unknown-view', undefined],
      ['share', 'other-version', undefined],
      ['timeline', 'differs', 'no-position'],
    ]);
  });

  it('says a view cannot have reached a position its fold fails before', async () => {
    const store = await storeHolding(history(4, 0));
    const head = await store.headPosition();
    const fragile: AnyProjection = {
      ...dosageProjection,
      name: 'fragile',
      apply: () => {
        throw new Error('cannot fold this event');
      },
    };
    const [verdict] = await check(
      store,
      [{ name: 'fragile', version: fragile.version, position: head, state: '{"view":{}}' }],
      [fragile],
    );
    const firstFolded = (await storeEvents(store)).find((event) => fragile.eventTypes.includes(event.type))!;
    expect(verdict).toMatchObject({
      kind: 'differs',
      difference: { kind: 'fold-fails', position: firstFolded.position, error: 'cannot fold this event' },
    });
  });
});

const storeEvents = async (store: InMemoryEventStore) => {
  const events = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
};
