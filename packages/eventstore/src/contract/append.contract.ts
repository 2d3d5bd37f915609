import type { ExpectedRevision } from '../event-store';
import type { OpenContractSubject } from './contract-subject';
import { ContractContext, useContractContext } from './contract-context';
import {
  anEvent,
  asAppended,
  collect,
  expectRevisionConflict,
  idsOf,
  positionsOf,
  someEvents,
  strictlyIncreasing,
} from './fixtures';

/** The stream's events and the store's head, to show that a refused append changed neither. */
const snapshot = async (context: ContractContext, stream: string) => ({
  events: await collect(context.store.readStream(stream)),
  revision: await context.store.streamRevision(stream),
  head: await context.store.headPosition(),
});

export const appendContract = (open: OpenContractSubject): void => {
  describe('append', () => {
    const context = useContractContext(open);

    it('stores a batch and reads it back with its ids, types, data, metadata, revisions and positions', async () => {
      const stream = context.stream('provider-p-017');
      const batch = [
        anEvent({ type: 'ProviderEnrolled', data: { providerId: 'p-017', agesServed: ['infant', 'toddler'] } }),
        anEvent({
          type: 'SessionLogged',
          schemaVersion: 2,
          data: { durationMinutes: 45, agendaUsed: true, summary: null },
        }),
        anEvent({
          type: 'FeedbackSent',
          metadata: { ...anEvent().metadata, causationId: 'cmd-1', tenant: { id: 't-1' } },
        }),
      ];

      const result = await context.store.append(stream, batch, 'no-stream');
      const read = await collect(context.store.readStream(stream));

      expect(read.map(asAppended)).toEqual(batch.map(asAppended));
      expect(read.map((event) => [event.stream, event.revision])).toEqual([
        [stream, 0],
        [stream, 1],
        [stream, 2],
      ]);
      expect(read[0]!.position).toBeGreaterThan(context.headAtStart);
      expect(strictlyIncreasing(positionsOf(read))).toBe(true);
      expect(result).toEqual({ nextRevision: 2, lastPosition: read[2]!.position });
      expect(await context.store.streamRevision(stream)).toBe(2);
    });

    it('continues the revisions of an existing stream, one append after the other', async () => {
      const stream = context.stream('provider-p-1');
      const first = await context.store.append(stream, someEvents(2), 'no-stream');
      const second = await context.store.append(stream, someEvents(3, 'SessionLogged', 2), first.nextRevision);

      const read = await collect(context.store.readStream(stream));
      expect(read.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(read.map((event) => event.data)).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
      expect(second.nextRevision).toBe(4);
      expect(second.lastPosition).toBeGreaterThan(first.lastPosition);
      expect(second.lastPosition).toBe(read[4]!.position);
    });

    it('keeps each stream in its own order and every stream in one global order', async () => {
      const [a, b, c] = [context.stream('provider-a'), context.stream('provider-b'), context.stream('coach-c')];
      const plan: Array<[string, number]> = [
        [a, 2],
        [b, 1],
        [a, 1],
        [c, 3],
        [b, 2],
      ];
      const appended: string[] = [];
      for (const [stream, count] of plan) {
        const batch = someEvents(count);
        await context.store.append(stream, batch, 'any');
        appended.push(...idsOf(batch));
      }

      const all = await context.ownEvents();
      expect(idsOf(all)).toEqual(appended);
      expect(strictlyIncreasing(positionsOf(all))).toBe(true);
      for (const stream of [a, b, c]) {
        const inStream = all.filter((event) => event.stream === stream);
        expect(await collect(context.store.readStream(stream))).toEqual(inStream);
        expect(inStream.map((event) => event.revision)).toEqual(inStream.map((_, i) => i));
      }
    });

    it('reports the head position: the position of the last event stored', async () => {
      const result = await context.store.append(context.stream('provider-p-1'), someEvents(3), 'no-stream');
      expect(result.lastPosition).toBeGreaterThan(context.headAtStart);
      expect(await context.store.headPosition()).toBe(result.lastPosition);
    });

    describe('expected revision', () => {
      it("'no-stream' creates the stream, and on an existing stream is a conflict that writes nothing", async () => {
        const stream = context.stream('provider-p-1');
        await context.store.append(stream, [anEvent()], 'no-stream');
        const before = await snapshot(context, stream);

        await expectRevisionConflict(context.store.append(stream, someEvents(2), 'no-stream'), stream);
        expect(await snapshot(context, stream)).toEqual(before);
      });

      it("'any' appends whether the stream exists or not", async () => {
        const stream = context.stream('provider-p-1');
        await context.store.append(stream, [anEvent()], 'any');
        await context.store.append(stream, [anEvent()], 'any');
        expect(await context.store.streamRevision(stream)).toBe(1);
      });

      it('an exact revision equal to the stream’s last one is accepted', async () => {
        const stream = context.stream('provider-p-1');
        await context.store.append(stream, someEvents(3), 'no-stream');
        const result = await context.store.append(stream, [anEvent()], 2);
        expect(result.nextRevision).toBe(3);
      });

      it.each<[string, ExpectedRevision]>([
        ['a stale revision', 0],
        ['a revision ahead of the stream', 5],
        ["'no-stream'", 'no-stream'],
      ])('%s is a RevisionConflictError and writes nothing', async (_case, expected) => {
        const stream = context.stream('provider-p-1');
        await context.store.append(stream, someEvents(2), 'no-stream');
        const before = await snapshot(context, stream);

        await expectRevisionConflict(context.store.append(stream, someEvents(3), expected), stream);
        expect(await snapshot(context, stream)).toEqual(before);
      });

      it('an exact revision on a stream that does not exist is a conflict and creates nothing', async () => {
        const stream = context.stream('provider-missing');
        const head = await context.store.headPosition();

        await expectRevisionConflict(context.store.append(stream, [anEvent()], 0), stream);
        expect(await context.store.streamRevision(stream)).toBeUndefined();
        expect(await context.store.headPosition()).toBe(head);
      });
    });

    describe('appending nothing', () => {
      it("with 'no-stream' on a missing stream succeeds and creates nothing", async () => {
        const stream = context.stream('provider-empty');
        await context.store.append(stream, [], 'no-stream');
        expect(await context.store.streamRevision(stream)).toBeUndefined();
        expect(await collect(context.store.readStream(stream))).toEqual([]);
        expect(await context.store.headPosition()).toBe(context.headAtStart);
      });

      it('at the exact revision writes nothing and reports the stream’s revision', async () => {
        const stream = context.stream('provider-p-1');
        await context.store.append(stream, someEvents(3), 'no-stream');
        const before = await snapshot(context, stream);

        const result = await context.store.append(stream, [], 2);
        expect(result.nextRevision).toBe(2);
        expect(await snapshot(context, stream)).toEqual(before);
      });

      it('still checks the expected revision', async () => {
        const stream = context.stream('provider-p-1');
        await context.store.append(stream, someEvents(2), 'no-stream');

        await expectRevisionConflict(context.store.append(stream, [], 0), stream);
        await expectRevisionConflict(context.store.append(stream, [], 'no-stream'), stream);
        await expectRevisionConflict(
          context.store.append(context.stream('provider-missing'), [], 0),
          context.stream('provider-missing'),
        );
      });
    });

    it('refuses an expectation that is no revision, and writes nothing', async () => {
      const stream = context.stream('provider-p-1');
      await context.store.append(stream, someEvents(1), 'no-stream');
      const before = await snapshot(context, stream);

      for (const expected of [-1, 0.5, Number.NaN] as ExpectedRevision[])
        await expect(context.store.append(stream, someEvents(1), expected)).rejects.toThrow(RangeError);
      expect(await snapshot(context, stream)).toEqual(before);
    });
  });
};
