import fc from 'fast-check';
import { isRevisionConflict } from '../errors';
import type { EventToAppend, ExpectedRevision } from '../event-store';
import { collect, someEvents } from '../testing';
import { InMemoryEventStore } from './in-memory-event-store';

const STREAMS = ['provider-p-1', 'provider-p-2', 'coach-c-1'];

const anAppend = fc.record({
  stream: fc.constantFrom(...STREAMS),
  size: fc.integer({ min: 0, max: 3 }),
  expected: fc.oneof(
    fc.constant<ExpectedRevision>('any'),
    fc.constant<ExpectedRevision>('no-stream'),
    fc.integer({ min: 0, max: 6 }),
  ),
});

describe('the in-memory event store, under any sequence of appends', () => {
  it('reads back all of exactly the accepted batches, in the order they were accepted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anAppend, { maxLength: 25 }), async (appends) => {
        const store = new InMemoryEventStore();
        const revisions = new Map<string, number>();
        const accepted: Array<EventToAppend & { stream: string; revision: number }> = [];

        for (const { stream, size, expected } of appends) {
          const current = revisions.get(stream);
          const acceptable =
            expected === 'any' || (expected === 'no-stream' ? current === undefined : expected === current);
          const batch = someEvents(size);
          const outcome = await store.append(stream, batch, expected).then(
            () => 'accepted' as const,
            (error: unknown) => (isRevisionConflict(error) ? ('conflict' as const) : error),
          );
          expect(outcome).toBe(acceptable ? 'accepted' : 'conflict');
          if (!acceptable) continue;
          batch.forEach((event, i) => accepted.push({ ...event, stream, revision: (current ?? -1) + 1 + i }));
          if (size > 0) revisions.set(stream, (current ?? -1) + size);
        }

        const all = await collect(store.readAll({ batchSize: 2 }));
        expect(all.map(({ id, stream, revision }) => ({ id, stream, revision }))).toEqual(
          accepted.map(({ id, stream, revision }) => ({ id, stream, revision })),
        );
        expect(all.map((event) => event.position)).toEqual(all.map((_, i) => i + 1));
        expect(await store.headPosition()).toBe(accepted.length);
        await store.close();
      }),
      { numRuns: 60 },
    );
  });
});
