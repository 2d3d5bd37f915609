import type { OpenContractSubject } from './contract-subject';
import { useContractContext } from './contract-context';
import { collect, someEvents } from './fixtures';

export const readStreamContract = (open: OpenContractSubject): void => {
  describe('readStream', () => {
    const context = useContractContext(open);

    /** A stream of `count` events whose data is `{ n: revision }`. */
    const aStream = async (name: string, count: number): Promise<string> => {
      const stream = context.stream(name);
      await context.store.append(stream, someEvents(count), 'no-stream');
      return stream;
    };
    const numbers = async (iterable: AsyncIterable<{ data: unknown; revision: number }>) =>
      (await collect(iterable)).map((event) => {
        expect(event.data).toEqual({ n: event.revision });
        return event.revision;
      });

    it('of a stream that does not exist yields nothing, whichever the direction, and it has no revision', async () => {
      const stream = context.stream('provider-nobody');
      expect(await collect(context.store.readStream(stream))).toEqual([]);
      expect(await collect(context.store.readStream(stream, { direction: 'backwards' }))).toEqual([]);
      expect(await context.store.streamRevision(stream)).toBeUndefined();
    });

    it('reads forwards from a revision, inclusive', async () => {
      const stream = await aStream('provider-p-1', 6);
      expect(await numbers(context.store.readStream(stream, { from: 0 }))).toEqual([0, 1, 2, 3, 4, 5]);
      expect(await numbers(context.store.readStream(stream, { from: 4 }))).toEqual([4, 5]);
      expect(await numbers(context.store.readStream(stream, { from: 6 }))).toEqual([]);
    });

    it('reads backwards from the end, or down from a revision, inclusive', async () => {
      const stream = await aStream('provider-p-1', 6);
      expect(await numbers(context.store.readStream(stream, { direction: 'backwards' }))).toEqual([5, 4, 3, 2, 1, 0]);
      expect(await numbers(context.store.readStream(stream, { direction: 'backwards', from: 2 }))).toEqual([2, 1, 0]);
      expect(await numbers(context.store.readStream(stream, { direction: 'backwards', from: 0 }))).toEqual([0]);
    });

    it('reads at most maxCount events in either direction', async () => {
      const stream = await aStream('provider-p-1', 6);
      expect(await numbers(context.store.readStream(stream, { from: 1, maxCount: 2 }))).toEqual([1, 2]);
      expect(await numbers(context.store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([5, 4]);
      expect(await numbers(context.store.readStream(stream, { from: 4, maxCount: 10 }))).toEqual([4, 5]);
    });

    it('keeps streams apart even when one name begins with another', async () => {
      const short = await aStream('provider-p-1', 2);
      const long = await aStream('provider-p-10', 3);
      expect(await numbers(context.store.readStream(short))).toEqual([0, 1]);
      expect(await numbers(context.store.readStream(long))).toEqual([0, 1, 2]);
      expect(await context.store.streamRevision(short)).toBe(1);
      expect(await context.store.streamRevision(long)).toBe(2);
    });

    it('gives each event the same stream, revision and position as reading all does', async () => {
      const stream = await aStream('provider-p-1', 3);
      await aStream('provider-p-2', 2);
      const fromStream = await collect(context.store.readStream(stream));
      const fromAll = (await context.ownEvents()).filter((event) => event.stream === stream);
      expect(fromStream).toEqual(fromAll);
    });
  });
};
