import { type ExpectedRevision, isRevisionConflict, verifyChain } from '@coachline/eventstore';
import { collect, someEvents } from '@coachline/eventstore/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import type { PostgresEventStore } from './postgres-event-store';
import { describeOnEachEngine, type TestStore } from './testing';

/** An append as the property draws it: which stream, how many events, and whether it expects a stale revision. */
interface DrawnAppend {
  readonly stream: number;
  readonly events: number;
  readonly stale: boolean;
}

/** What one of the two stores does next: appends issued together (one group commit), or an import. */
type Step =
  | { readonly kind: 'append'; readonly writer: number; readonly appends: ReadonlyArray<DrawnAppend> }
  | { readonly kind: 'import'; readonly writer: number; readonly stream: number; readonly events: number };

const STREAMS = 3;

const drawnAppend = fc.record({
  stream: fc.nat({ max: STREAMS - 1 }),
  events: fc.integer({ min: 1, max: 3 }),
  stale: fc.boolean(),
});

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      writer: fc.nat({ max: 1 }),
      appends: fc.array(drawnAppend, { minLength: 1, maxLength: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      writer: fc.nat({ max: 1 }),
      stream: fc.nat({ max: STREAMS - 1 }),
      events: fc.integer({ min: 1, max: 2 }),
    }),
  },
);

/** The revision right for a stream at `revision`, or one just behind it. */
const expectedFor = (revision: number | undefined, stale: boolean): ExpectedRevision => {
  if (!stale) return revision ?? 'no-stream';
  if (revision === undefined) return 0;
  return revision === 0 ? 'no-stream' : revision - 1;
};

describeOnEachEngine('group commits of two stores on one schema', (open) => {
  let subject: TestStore;
  let stores: PostgresEventStore[];
  beforeEach(async () => {
    subject = await open('kept_head');
    stores = [subject.store, await subject.openAnother()];
  });
  afterEach(() => subject.dispose());

  it('a store committing after another moved the head writes after that one’s events, on the tips it left', async () => {
    const [first, second] = stores as [PostgresEventStore, PostgresEventStore];
    await first.append('provider-p-1', someEvents(2), 'no-stream');
    await first.append('coach-c-1', someEvents(1), 'no-stream');
    await second.append('provider-p-1', someEvents(2), 1);
    // The first store last saw the head at 3: its batch must not take positions 4 and 5 again.
    await expect(first.append('coach-c-1', someEvents(1), 0)).resolves.toEqual({ nextRevision: 1, lastPosition: 6 });
    // Nor judge the provider's stream by the revision it wrote itself.
    await expect(first.append('provider-p-1', someEvents(1), 1)).rejects.toMatchObject({ actual: 3 });
    await expect(first.append('provider-p-1', someEvents(1), 3)).resolves.toEqual({ nextRevision: 4, lastPosition: 7 });
    expect((await collect(first.readStream('provider-p-1'))).map((event) => event.position)).toEqual([1, 2, 4, 5, 7]);
    expect(await verifyChain(second.readAll())).toEqual(
      E.right(expect.objectContaining({ events: 7, lastPosition: 7 })),
    );
  });

  it('for every interleaving of two stores’ commits and imports, each append is judged on the stream as stored and the chain verifies', async () => {
    let run = 0;
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        run += 1;
        const name = (stream: number) => `provider-r${run}-s${stream}`;
        // Each stream's event ids as the property expects them stored, in order.
        const model = new Map<number, string[]>();
        const revisionOf = (stream: number) => {
          const ids = model.get(stream);
          return ids === undefined ? undefined : ids.length - 1;
        };

        for (const next of steps) {
          const store = stores[next.writer]!;
          if (next.kind === 'import') {
            const events = someEvents(next.events);
            await store.importEvents(events.map((event) => ({ stream: name(next.stream), event })));
            model.set(next.stream, [...(model.get(next.stream) ?? []), ...events.map((event) => event.id)]);
            stored += events.length;
            continue;
          }
          const planned = next.appends.map((append) => {
            const revision = revisionOf(append.stream);
            const events = someEvents(append.events);
            const expected = expectedFor(revision, append.stale);
            if (!append.stale) {
              model.set(append.stream, [...(model.get(append.stream) ?? []), ...events.map((event) => event.id)]);
              stored += events.length;
            }
            return { append, events, expected, revision, after: revisionOf(append.stream) };
          });
          // Issued in one tick, so that they share a group commit.
          const outcomes = await Promise.allSettled(
            planned.map(({ append, events, expected }) => store.append(name(append.stream), events, expected)),
          );
          outcomes.forEach((outcome, index) => {
            const { append, revision, after } = planned[index]!;
            if (append.stale) {
              expect(outcome.status).toBe('rejected');
              const reason = (outcome as PromiseRejectedResult).reason as unknown;
              expect([isRevisionConflict(reason), (reason as { actual?: number }).actual]).toEqual([true, revision]);
            } else {
              expect(outcome).toMatchObject({ status: 'fulfilled', value: { nextRevision: after } });
            }
          });
        }

        for (const [stream, ids] of model) {
          expect((await collect(stores[run % 2]!.readStream(name(stream)))).map((event) => event.id)).toEqual(ids);
        }
        const all = await collect(stores[0]!.readAll());
        expect(all.map((event) => event.position)).toEqual(all.map((_, index) => index + 1));
        expect(all.length).toBe(stored);
        expect(E.isRight(await verifyChain(stores[1]!.readAll()))).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
