import type { OpenContractSubject } from './contract-subject';
import { useContractContext } from './contract-context';
import { collect, idsOf, positionsOf, someEvents, strictlyIncreasing } from './fixtures';

export const readAllContract = (open: OpenContractSubject): void => {
  describe('readAll', () => {
    const context = useContractContext(open);

    /**
     * Three streams written in interleaved batches, with the type of each event chosen so that
     * filters pick sparse events out of long runs of others. Returns the ids in append order.
     */
    const aHistory = async () => {
      const appended: Array<{ id: string; stream: string; type: string }> = [];
      const write = async (name: string, count: number, type: string) => {
        const stream = context.stream(name);
        const batch = someEvents(count, type, appended.length);
        await context.store.append(stream, batch, 'any');
        appended.push(...batch.map((event) => ({ id: event.id, stream, type })));
      };
      await write('provider-p_1', 5, 'SessionLogged');
      await write('provider-px1', 3, 'SessionLogged');
      await write('coach-c-1', 1, 'CoachRegistered');
      await write('provider-p_1', 7, 'SessionLogged');
      await write('provider-p%2', 2, 'FeedbackSent');
      await write('provider-px1', 1, 'FeedbackSent');
      await write('coach-c-1', 4, 'CoachRegistered');
      await write('provider-p_1', 1, 'ProviderExited');
      return appended;
    };

    it('yields every event after the head, in global order, with strictly increasing positions', async () => {
      const history = await aHistory();
      const all = await context.ownEvents();
      expect(idsOf(all)).toEqual(idsOf(history));
      expect(all[0]!.position).toBeGreaterThan(context.headAtStart);
      expect(strictlyIncreasing(positionsOf(all))).toBe(true);
    });

    it('starts after the given position', async () => {
      const history = await aHistory();
      const all = await context.ownEvents();
      const middle = all[10]!.position;
      const rest = (await collect(context.store.readAll({ after: middle }))).filter((event) =>
        event.stream.startsWith(context.run),
      );
      expect(idsOf(rest)).toEqual(idsOf(history.slice(11)));
      expect(await collect(context.store.readAll({ after: await context.store.headPosition() }))).toEqual([]);
    });

    it('keeps only the given types', async () => {
      const history = await aHistory();
      const feedback = await context.ownEvents({ types: ['FeedbackSent'] });
      const exits = await context.ownEvents({ types: ['ProviderExited', 'CoachRegistered'] });
      expect(idsOf(feedback)).toEqual(idsOf(history.filter((event) => event.type === 'FeedbackSent')));
      expect(idsOf(exits)).toEqual(
        idsOf(history.filter((event) => event.type === 'ProviderExited' || event.type === 'CoachRegistered')),
      );
    });

    it('keeps only the streams that begin with the prefix, taking _ and % literally', async () => {
      const history = await aHistory();
      const underscore = await collect(
        context.store.readAll({ after: context.headAtStart, streamPrefix: context.stream('provider-p_') }),
      );
      const percent = await collect(
        context.store.readAll({ after: context.headAtStart, streamPrefix: context.stream('provider-p%') }),
      );
      const providers = await collect(
        context.store.readAll({ after: context.headAtStart, streamPrefix: context.stream('provider-') }),
      );

      expect(idsOf(underscore)).toEqual(
        idsOf(history.filter((event) => event.stream === context.stream('provider-p_1'))),
      );
      expect(idsOf(percent)).toEqual(idsOf(history.filter((event) => event.stream === context.stream('provider-p%2'))));
      expect(idsOf(providers)).toEqual(
        idsOf(history.filter((event) => event.stream.startsWith(context.stream('provider-')))),
      );
    });

    it('combines the type and stream filters', async () => {
      const history = await aHistory();
      const read = await collect(
        context.store.readAll({
          after: context.headAtStart,
          streamPrefix: context.stream('provider-px'),
          types: ['FeedbackSent'],
        }),
      );
      expect(idsOf(read)).toEqual(
        idsOf(
          history.filter((event) => event.stream === context.stream('provider-px1') && event.type === 'FeedbackSent'),
        ),
      );
      expect(read).toHaveLength(1);
    });

    it.each([1, 2, 3, 7])('pages of %i neither skip nor repeat an event, filtered or not', async (batchSize) => {
      const history = await aHistory();
      const everything = await context.ownEvents({ batchSize });
      const sparse = await context.ownEvents({ batchSize, types: ['ProviderExited', 'FeedbackSent'] });
      const oneStream = await collect(
        context.store.readAll({ after: context.headAtStart, batchSize, streamPrefix: context.stream('coach-') }),
      );

      expect(idsOf(everything)).toEqual(idsOf(history));
      expect(strictlyIncreasing(positionsOf(everything))).toBe(true);
      expect(idsOf(sparse)).toEqual(
        idsOf(history.filter((event) => event.type === 'ProviderExited' || event.type === 'FeedbackSent')),
      );
      expect(idsOf(oneStream)).toEqual(idsOf(history.filter((event) => event.stream === context.stream('coach-c-1'))));
    });

    it('reads the same events as each stream holds, with the same revisions', async () => {
      await aHistory();
      const all = await context.ownEvents({ batchSize: 4 });
      for (const stream of new Set(all.map((event) => event.stream))) {
        expect(all.filter((event) => event.stream === stream)).toEqual(await collect(context.store.readStream(stream)));
      }
    });
  });
};
