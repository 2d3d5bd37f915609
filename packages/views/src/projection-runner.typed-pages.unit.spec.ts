import fc from 'fast-check';
import type { RecordedEvent } from '@coachline/domain';
import { AnyProjection, dosageProjection, DosageView, viewOf } from '@coachline/projections';
import {
  EventStore,
  InMemoryChildKeyStore,
  InMemoryEventStore,
  InMemoryProjectionCheckpoints,
  ProjectionCheckpoints,
  ProjectionRecord,
  protectChildData,
  readsTypedPages,
  StoredEvent,
  TypedPage,
  TypedPageReader,
  TypedPagesOptions,
} from '@coachline/eventstore';
import { ProjectionRunner } from './projection-runner';
import { programHistory, sessionEvents } from './runner.fixtures';
import { storeHolding } from './testing';

/**
 * The in-memory store with typed pages as the PostgreSQL store reads them: spans of `span`
 * positions, each with the earliest of the latest-recorded events of the other types.
 */
const withTypedPages = (inner: InMemoryEventStore, span: number): EventStore & TypedPageReader => ({
  append: (stream, events, expected) => inner.append(stream, events, expected),
  readStream: (stream, options) => inner.readStream(stream, options),
  streamRevision: (stream) => inner.streamRevision(stream),
  readAll: (options) => inner.readAll(options),
  subscribe: (after, handler, options) => inner.subscribe(after, handler, options),
  headPosition: () => inner.headPosition(),
  close: () => inner.close(),
  async *readTypedPages({ after, upTo, types }: TypedPagesOptions): AsyncGenerator<TypedPage> {
    const read: StoredEvent[] = [];
    for await (const event of inner.readAll({ after })) if (event.position <= upTo) read.push(event);
    for (let from = after; from < upTo; from += span) {
      const to = Math.min(upTo, from + span);
      const inSpan = read.filter((event) => event.position > from && event.position <= to);
      let latest: StoredEvent | undefined;
      for (const event of inSpan) {
        const ms = Date.parse(event.metadata.recordedAt);
        if (types.includes(event.type) || Number.isNaN(ms)) continue;
        if (latest === undefined || ms > Date.parse(latest.metadata.recordedAt)) latest = event;
      }
      yield {
        events: inSpan.filter((event) => types.includes(event.type)),
        upTo: to,
        ...(latest ? { latestPassedOver: { recordedAt: latest.metadata.recordedAt, position: latest.position } } : {}),
      };
    }
  },
});

/** Counts voided sessions: a view reading one rare type, whose as-of moment comes from the others. */
const voids: AnyProjection = {
  ...dosageProjection,
  name: 'voids',
  eventTypes: ['SessionVoided'],
  init: () => ({ count: 0 }),
  apply: (state) => ({ count: (state as { count: number }).count + 1 }),
  view: (state) => state,
};

/** Checkpoints that stop keeping anything after a number of saves: what a process killed then leaves behind. */
class CrashingCheckpoints implements ProjectionCheckpoints {
  readonly survivor = new InMemoryProjectionCheckpoints();
  private saves = 0;
  constructor(private readonly crashAfterSaves: number) {}
  load(name: string) {
    return this.survivor.load(name);
  }
  list() {
    return this.survivor.list();
  }
  async save(record: ProjectionRecord): Promise<void> {
    if (++this.saves <= this.crashAfterSaves) await this.survivor.save(record);
  }
}

/** The same instant written two ways, and instants out of global order, as an imported history may have. */
const restamped = (history: ReadonlyArray<RecordedEvent>, stamps: ReadonlyArray<number>): RecordedEvent[] =>
  history.map((event, index) => {
    const stamp = stamps[index % stamps.length]!;
    const instant = new Date(Date.UTC(2025, 8, 1) + Math.floor(stamp / 2) * 3_600_000).toISOString();
    const recordedAt = stamp % 2 === 0 ? instant : instant.replace('.000Z', 'Z');
    return { ...event, metadata: { ...event.metadata, recordedAt } };
  });

const rebuilt = async (
  store: EventStore,
  checkpoints: ProjectionCheckpoints,
  saveEvery: number,
  projections: ReadonlyArray<AnyProjection> = [dosageProjection, voids],
) => {
  const runner = new ProjectionRunner({
    store,
    checkpoints,
    projections,
    saveEvery: { events: saveEvery, ms: Number.MAX_SAFE_INTEGER },
  });
  await runner.start();
  await runner.stop();
  return runner;
};

describe('the projection runner on a store that reads typed pages', () => {
  it('reads only the types its views read, yet ends where the store ends, with the as-of moment of every event', async () => {
    const history = programHistory(sessionEvents(30, 4));
    const store = withTypedPages(await storeHolding(history), 7);
    const runner = await rebuilt(store, new InMemoryProjectionCheckpoints(), 10);
    expect(runner.view<DosageView>('dosage', {})).toEqual(viewOf(dosageProjection, history, {}));
    expect(runner.view('voids', {})).toEqual(viewOf(voids, history, {}));
    expect((await runner.status()).map((status) => status.position)).toEqual([history.length, history.length]);
  });

  it('reads typed pages through the store that seals child data, when the store beneath reads them', async () => {
    const inner = await storeHolding(programHistory(sessionEvents(3, 0)));
    expect(readsTypedPages(protectChildData(inner, new InMemoryChildKeyStore()))).toBe(false);
    const sealing = protectChildData(withTypedPages(inner, 4), new InMemoryChildKeyStore());
    expect(readsTypedPages(sealing)).toBe(true);
    const history = programHistory(sessionEvents(30, 4));
    const runner = await rebuilt(
      protectChildData(withTypedPages(await storeHolding(history), 5), new InMemoryChildKeyStore()),
      new InMemoryProjectionCheckpoints(),
      10,
      [voids],
    );
    expect(runner.view('voids', {})).toEqual(viewOf(voids, history, {}));
  });

  it('leaves to the save at the head a save due when less is left than was read since the last', async () => {
    const history = programHistory(sessionEvents(60, 5));
    const saved: number[] = [];
    const kept = new InMemoryProjectionCheckpoints();
    const checkpoints: ProjectionCheckpoints = {
      load: (name) => kept.load(name),
      list: () => kept.list(),
      save: async (record) => {
        saved.push(record.position);
        await kept.save(record);
      },
    };
    await rebuilt(withTypedPages(await storeHolding(history), 3), checkpoints, 10, [voids]);
    const periodic = saved.filter((position) => position < history.length);
    expect(periodic.length).toBeGreaterThan(2);
    periodic.forEach((position, i) =>
      expect(history.length - position).toBeGreaterThanOrEqual(position - (periodic[i - 1] ?? 0)),
    );
    expect(saved.slice(periodic.length)).toEqual([history.length, history.length]);
  });

  it('ends a catch-up at the next page when stopped, without following the store', async () => {
    const history = programHistory(sessionEvents(30, 4));
    const typed = withTypedPages(await storeHolding(history), 5);
    let subscribed = false;
    const store: EventStore & TypedPageReader = {
      ...typed,
      subscribe: (after, handler, options) => {
        subscribed = true;
        return typed.subscribe(after, handler, options);
      },
    };
    const runner = new ProjectionRunner({
      store,
      checkpoints: new InMemoryProjectionCheckpoints(),
      projections: [voids],
    });
    const started = runner.start();
    await runner.stop();
    await started;
    expect(subscribed).toBe(false);
    expect(runner.positionOf('voids')).toBeLessThanOrEqual(5);
  });

  it('saves and resumes as a runner reading every event does, whatever the pages and the crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 25 }),
        async (sessions, stamps, span, crashAfterSaves, saveEvery) => {
          const history = restamped(programHistory(sessionEvents(sessions, sessions % 5)), stamps);
          const plain = await storeHolding(history);
          // Alone, the voids view passes over nearly every event; beside dosage, over none here.
          for (const projections of [[voids], [dosageProjection, voids]]) {
            const clean = new InMemoryProjectionCheckpoints();
            const expected = await rebuilt(plain, clean, saveEvery, projections);

            const typed = withTypedPages(plain, span);
            const checkpoints = new CrashingCheckpoints(crashAfterSaves);
            await rebuilt(typed, checkpoints, saveEvery, projections);
            const resumed = await rebuilt(typed, checkpoints.survivor, saveEvery, projections);

            for (const { name } of projections) {
              expect(resumed.view(name, {})).toEqual(expected.view(name, {}));
              expect(resumed.positionOf(name)).toBe(history.length);
            }
            expect(resumed.view('voids', {})).toEqual(viewOf(voids, history, {}));
            expect(await checkpoints.survivor.list()).toEqual(await clean.list());
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
