import { DuplicateEventError, type EventToAppend } from '@coachline/eventstore';
import { anEvent, collect, someEvents } from '@coachline/eventstore/testing';
import type { ImportedEvent } from './event-import';
import { describeOnEachEngine, openStoreDatabase, testDatabaseUrl, useSharedPglite, type TestStore } from './testing';

/** `count` events spread over `streams` streams, generated lazily as an import would read a file. */
async function* anEventFile(
  count: number,
  streams: number,
  failAt?: { index: number; with: () => EventToAppend | Error },
) {
  for (let i = 0; i < count; i += 1) {
    if (failAt?.index === i) {
      const replacement = failAt.with();
      if (replacement instanceof Error) throw replacement;
      yield { stream: `provider-p-${i % streams}`, event: replacement };
      continue;
    }
    yield { stream: `provider-p-${i % streams}`, event: anEvent({ data: { n: i } }) } satisfies ImportedEvent;
  }
}

const pglite = useSharedPglite();

describeOnEachEngine('bulk import', (open, engine) => {
  let subject: TestStore;
  /** SQL beside the store, on the database it was opened on. */
  const rawQuery = async <R extends object>(text: string, params: unknown[]): Promise<R[]> => {
    if (engine === 'pglite') return (await pglite().query<R>(text, params)).rows;
    const database = await openStoreDatabase(testDatabaseUrl());
    try {
      return await database.query<R>(text, params);
    } finally {
      await database.close();
    }
  };
  beforeEach(async () => {
    subject = await open('import');
  });
  afterEach(() => subject.dispose());

  it('appends each event to the end of its stream, continuing existing streams, in gapless global order', async () => {
    const { store } = subject;
    await store.append('provider-p-0', someEvents(2), 'no-stream');

    const result = await store.importEvents(anEventFile(2_500, 10), { chunkSize: 1_000 });

    expect(result).toEqual({ imported: 2_500, lastPosition: 2_502 });
    const all = await collect(store.readAll({ batchSize: 700 }));
    expect(all.map((event) => event.position)).toEqual(all.map((_, i) => i + 1));
    expect(all.slice(2).map((event) => (event.data as { n: number }).n)).toEqual(all.slice(2).map((_, i) => i));
    const first = await collect(store.readStream('provider-p-0'));
    expect(first.map((event) => event.revision)).toEqual(first.map((_, i) => i));
    expect(first).toHaveLength(252);
    expect(await store.streamRevision('provider-p-0')).toBe(251);
    expect(await store.streamRevision('provider-p-9')).toBe(249);
    // Commands go on from where the import left the streams.
    await expect(store.append('provider-p-9', someEvents(1), 249)).resolves.toEqual({
      nextRevision: 250,
      lastPosition: 2_503,
    });
  });

  it('stores nothing when the source fails part-way, after several chunks were written', async () => {
    const { store } = subject;
    await store.append('provider-p-0', someEvents(1), 'no-stream');

    const importing = store.importEvents(
      anEventFile(5_000, 10, { index: 3_500, with: () => new Error('line 3501: unreadable') }),
      { chunkSize: 1_000 },
    );

    await expect(importing).rejects.toThrow('line 3501');
    expect(await store.headPosition()).toBe(1);
    expect(await collect(store.readAll())).toHaveLength(1);
    expect(await store.streamRevision('provider-p-1')).toBeUndefined();
  });

  it('stores nothing when an event repeats an id already stored, and names it', async () => {
    const { store } = subject;
    const [stored] = someEvents(1);
    await store.append('coach-c-1', [stored!], 'no-stream');

    const importing = store.importEvents(anEventFile(3_000, 7, { index: 2_100, with: () => stored! }), {
      chunkSize: 500,
    });

    await expect(importing).rejects.toEqual(new DuplicateEventError(stored!.id));
    expect(await store.headPosition()).toBe(1);
    expect(await store.streamRevision('provider-p-0')).toBeUndefined();
  });

  it('names the stored id when the server refuses the import while later chunks are still being sent', async () => {
    const { store } = subject;
    const [stored] = someEvents(1);
    await store.append('coach-c-1', [stored!], 'no-stream');

    // Read as a file is, a pause now and then: the refusal comes back while chunks are still to be sent.
    async function* readSlowly(source: AsyncIterable<ImportedEvent>) {
      let read = 0;
      for await (const item of source) {
        if (++read % 200 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        yield item;
      }
    }
    const importing = store.importEvents(readSlowly(anEventFile(2_000, 7, { index: 0, with: () => stored! })), {
      chunkSize: 200,
    });

    await expect(importing).rejects.toEqual(new DuplicateEventError(stored!.id));
    expect(await store.headPosition()).toBe(1);
  });

  it('into an empty store, stores nothing when the import gives one id twice, and names it', async () => {
    const { store } = subject;
    const [repeated] = someEvents(1);
    async function* repeating() {
      yield { stream: 'coach-c-1', event: repeated! };
      yield* anEventFile(3_000, 7, { index: 2_100, with: () => repeated! });
    }

    await expect(store.importEvents(repeating(), { chunkSize: 500 })).rejects.toEqual(
      new DuplicateEventError(repeated!.id),
    );
    expect(await store.headPosition()).toBe(0);
    expect(await collect(store.readAll())).toHaveLength(0);
  });

  it('into an empty store, leaves every index as it was: ids stay unique for the writes that follow', async () => {
    const { store } = subject;
    const [imported] = someEvents(1);
    async function* file() {
      yield* anEventFile(1_200, 3);
      yield { stream: 'coach-c-1', event: imported! };
    }

    await expect(store.importEvents(file(), { chunkSize: 500 })).resolves.toEqual({
      imported: 1_201,
      lastPosition: 1_201,
    });
    await expect(store.append('coach-c-2', [imported!], 'no-stream')).rejects.toEqual(
      new DuplicateEventError(imported!.id),
    );
    await expect(store.importEvents([{ stream: 'coach-c-3', event: imported! }])).rejects.toEqual(
      new DuplicateEventError(imported!.id),
    );
    const coach = await collect(store.readAll({ types: [imported!.type], batchSize: 100 }));
    expect(coach.map((event) => event.id)).toContain(imported!.id);
  });

  it('into an empty store, gathers the events table’s statistics, so reads by type are planned on them', async () => {
    const { store, schema } = subject;
    await store.importEvents(anEventFile(1_200, 3), { chunkSize: 500 });

    const analyzed = await rawQuery<{ columns: number }>(
      "SELECT count(*)::int AS columns FROM pg_stats WHERE schemaname = $1 AND tablename = 'events'",
      [schema],
    );
    expect(analyzed[0]!.columns).toBeGreaterThan(0);
  });

  it('keeps positions gapless while appends run beside it', async () => {
    const { store } = subject;
    const appends = Array.from({ length: 20 }, (_, i) => store.append(`coach-c-${i}`, someEvents(3), 'no-stream'));
    const imported = store.importEvents(anEventFile(1_000, 5), { chunkSize: 250 });
    await Promise.all([...appends, imported]);

    const all = await collect(store.readAll());
    expect(all).toHaveLength(1_060);
    expect(all.map((event) => event.position)).toEqual(all.map((_, i) => i + 1));
  });

  it('imports nothing from an empty source and leaves the head where it was', async () => {
    const { store } = subject;
    await store.append('coach-c-1', someEvents(2), 'no-stream');
    await expect(store.importEvents([])).resolves.toEqual({ imported: 0, lastPosition: 2 });
  });
});
