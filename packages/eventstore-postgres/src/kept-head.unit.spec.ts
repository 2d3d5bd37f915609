import { EMPTY_RANGE } from '@coachline/eventstore';
import fc from 'fast-check';
import type { StreamTip, WrittenBatch } from './append-batch';
import { KeptHead } from './kept-head';

const tip = (revision: number): StreamTip => ({ revision, position: revision + 1, hash: `h${revision}` });

const written = (from: number, to: number, streams: ReadonlyArray<string>): WrittenBatch => ({
  outcomes: [],
  startedAt: { position: from, chain: `c${from}`, tree: EMPTY_RANGE },
  head: { position: to, chain: `c${to}`, tree: EMPTY_RANGE },
  tips: new Map(streams.map((stream, index) => [stream, tip(index)])),
});

describe('the head and tips a writer keeps', () => {
  it('drops the tips kept before a commit that started from another head', () => {
    const kept = new KeptHead();
    kept.keep(written(0, 2, ['provider-p-1']));
    kept.keep(written(2, 3, ['provider-p-2']));
    expect([kept.knows('provider-p-1'), kept.knows('provider-p-2')]).toEqual([true, true]);
    // Another writer took positions 4 and 5: what was kept at 3 says nothing about the head at 5.
    kept.keep(written(5, 6, ['provider-p-3']));
    expect(['provider-p-1', 'provider-p-2', 'provider-p-3'].map((stream) => kept.knows(stream))).toEqual([
      false,
      false,
      true,
    ]);
    expect(kept.head).toEqual({ position: 6, chain: 'c6', tree: EMPTY_RANGE });
  });

  it('keeps a stream known to have no events apart from one it never saw', () => {
    const kept = new KeptHead();
    kept.keep({ ...written(0, 0, []), tips: new Map([['provider-p-9', undefined]]) });
    expect([kept.knows('provider-p-9'), kept.tipOf('provider-p-9'), kept.knows('provider-p-8')]).toEqual([
      true,
      undefined,
      false,
    ]);
  });

  it('holds at most its bound, the streams written last', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
        (bound, commits) => {
          const kept = new KeptHead(bound);
          const order: string[] = [];
          commits.forEach((streams, index) => {
            const names = [...new Set(streams.map((stream) => `provider-p-${stream}`))];
            kept.keep(written(index, index + 1, names));
            for (const name of names) order.splice(0, order.length, ...order.filter((each) => each !== name), name);
          });
          const newest = order.slice(-bound);
          const known = Array.from({ length: 10 }, (_, stream) => `provider-p-${stream}`).filter((name) =>
            kept.knows(name),
          );
          expect(known.sort()).toEqual([...newest].sort());
        },
      ),
    );
  });
});
