import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { verifyChain, type ChainBreak, type ChainedEvent } from './chain-verifier';
import { CHAIN_START, nextIntegrity } from './event-hash';

interface Recorded {
  readonly stream: string;
  readonly score: number;
}

/** A history as a store would have written it: revisions per stream, gapless positions, the chain. */
const written = (history: ReadonlyArray<Recorded>): ChainedEvent[] => {
  const streams = new Map<string, { revision: number; hash: string }>();
  let chain = CHAIN_START;
  return history.map(({ stream, score }, index) => {
    const tip = streams.get(stream);
    const content = {
      id: `ev-${index}`,
      stream,
      revision: (tip?.revision ?? -1) + 1,
      type: 'ScreeningRecorded',
      schemaVersion: 1,
      data: { childRef: `child-${stream}`, score },
      metadata: {
        actor: { id: 'coach-1', role: 'coach' },
        recordedAt: '2026-01-05T10:00:00.000Z',
        commandId: `c-${index}`,
        correlationId: 'k',
      },
    };
    const integrity = nextIntegrity(tip?.hash ?? CHAIN_START, chain, content);
    streams.set(stream, { revision: content.revision, hash: integrity.hash });
    chain = integrity.chain;
    return { ...content, position: index + 1, integrity };
  });
};

const breakOf = async (events: ReadonlyArray<ChainedEvent>, options = {}): Promise<ChainBreak> => {
  const verdict = await verifyChain(events, options);
  if (E.isRight(verdict)) throw new Error(`expected a break, the chain verified: ${JSON.stringify(verdict.right)}`);
  return verdict.left;
};

const aHistory = fc.array(
  fc.record({ stream: fc.constantFrom('provider-a', 'provider-b', 'child-c'), score: fc.integer({ min: 0, max: 60 }) }),
  {
    minLength: 2,
    maxLength: 40,
  },
);

describe('verifying the hash chain', () => {
  const history = written([
    { stream: 'provider-a', score: 10 },
    { stream: 'provider-b', score: 20 },
    { stream: 'provider-a', score: 30 },
    { stream: 'provider-b', score: 40 },
    { stream: 'provider-a', score: 50 },
  ]);

  it('passes an untouched history and names its head, which is the last event’s chain', async () => {
    expect(await verifyChain(history)).toEqual(
      E.right({ events: 5, lastPosition: 5, head: history[4]!.integrity!.chain }),
    );
    expect(await verifyChain([])).toEqual(E.right({ events: 0, lastPosition: 0, head: '' }));
  });

  it('names an event whose content changed as altered', async () => {
    const tampered = history.map((event) =>
      event.position === 3 ? { ...event, data: { childRef: 'child-provider-a', score: 31 } } : event,
    );
    expect(await breakOf(tampered)).toMatchObject({ kind: 'altered', position: 3, stream: 'provider-a', revision: 1 });
  });

  it('names the first missing position when an event was deleted', async () => {
    expect(await breakOf(history.filter((event) => event.position !== 2))).toMatchObject({
      kind: 'removed',
      position: 2,
    });
  });

  it('catches a removed last event only against the head the store reports', async () => {
    const cut = history.slice(0, 4);
    expect(E.isRight(await verifyChain(cut))).toBe(true);
    expect(await breakOf(cut, { headPosition: 5 })).toMatchObject({ kind: 'removed', position: 5 });
  });

  it('names a swap of two streams’ events at the first of them, as reordered', async () => {
    const swapped = [
      history[0]!,
      { ...history[2]!, position: 2 },
      { ...history[1]!, position: 3 },
      history[3]!,
      history[4]!,
    ];
    expect(await breakOf(swapped)).toMatchObject({ kind: 'reordered', position: 2, stream: 'provider-a', revision: 1 });
  });

  it('names a swap within a stream at the first of them, by the revision it skipped', async () => {
    const swapped = [
      history[0]!,
      history[1]!,
      { ...history[4]!, position: 3 },
      history[3]!,
      { ...history[2]!, position: 5 },
    ];
    expect(await breakOf(swapped)).toMatchObject({ kind: 'removed', position: 3, stream: 'provider-a', revision: 2 });
  });

  it('names a removal that renumbered the positions after it', async () => {
    const renumbered = history
      .filter((event) => event.position !== 2)
      .map((event, index) => ({ ...event, position: index + 1 }));
    // Position 2 is now provider-a's second event: its hash is intact, the chain is not.
    expect(await breakOf(renumbered)).toMatchObject({ kind: 'reordered', position: 2, stream: 'provider-a' });
  });

  it('catches an event rewritten with its own hash recomputed, by its chain', async () => {
    const rewritten = history.map((event) => {
      if (event.position !== 3) return event;
      const forged = { ...event, data: { childRef: 'child-provider-a', score: 0 } };
      return { ...forged, integrity: nextIntegrity(history[0]!.integrity!.hash, history[1]!.integrity!.chain, forged) };
    });
    expect(await breakOf(rewritten)).toMatchObject({ position: 4 });
  });

  it('names an event read out of global order as reordered', async () => {
    expect(await breakOf([history[0]!, history[1]!, history[0]!])).toMatchObject({ kind: 'reordered', position: 1 });
  });

  it('names an event without a stored hash', async () => {
    const { integrity: _dropped, ...bare } = history[1]!;
    expect(await breakOf([history[0]!, bare])).toMatchObject({
      kind: 'altered',
      position: 2,
      message: 'no hash is stored with this event',
    });
  });

  it('checks a head noted earlier: passes through it, or reports the rewrite', async () => {
    const noted = history[2]!.integrity!.chain;
    expect(await verifyChain(history, { expectedHead: noted })).toEqual(
      E.right({ events: 5, lastPosition: 5, head: history[4]!.integrity!.chain, expectedHeadAt: 3 }),
    );
    // A full rewrite with every hash recomputed verifies on its own, but not against the noted head.
    const rewrite = written([
      { stream: 'provider-a', score: 11 },
      ...history.slice(1).map(({ stream, data }) => ({ stream, score: (data as Recorded).score })),
    ]);
    expect(E.isRight(await verifyChain(rewrite))).toBe(true);
    expect(await breakOf(rewrite, { expectedHead: noted })).toMatchObject({ kind: 'altered', position: 5 });
  });

  describe('for every history', () => {
    it('an untouched history verifies', async () => {
      await fc.assert(fc.asyncProperty(aHistory, async (recorded) => E.isRight(await verifyChain(written(recorded)))));
    });

    it('any single alteration is caught at that event', async () => {
      await fc.assert(
        fc.asyncProperty(aHistory, fc.nat(), fc.integer({ min: 61, max: 99 }), async (recorded, at, score) => {
          const events = written(recorded);
          const k = at % events.length;
          const target = events[k]!;
          events[k] = { ...target, data: { ...(target.data as object), score } };
          expect(await breakOf(events)).toMatchObject({ kind: 'altered', position: k + 1 });
        }),
      );
    });

    it('any single removal is caught at the removed position (the last one against the store’s head)', async () => {
      await fc.assert(
        fc.asyncProperty(aHistory, fc.nat(), async (recorded, at) => {
          const events = written(recorded);
          const k = at % events.length;
          const rest = events.filter((_, index) => index !== k);
          expect(await breakOf(rest, { headPosition: events.length })).toMatchObject({
            kind: 'removed',
            position: k + 1,
          });
        }),
      );
    });

    it('any swap of two events’ positions is caught at the first of them', async () => {
      await fc.assert(
        fc.asyncProperty(aHistory, fc.nat(), fc.nat(), async (recorded, a, b) => {
          const events = written(recorded);
          const [i, j] = [a % events.length, b % events.length].sort((x, y) => x - y) as [number, number];
          fc.pre(i !== j);
          const swapped = events.map((event, index) => {
            if (index === i) return { ...events[j]!, position: i + 1 };
            if (index === j) return { ...events[i]!, position: j + 1 };
            return event;
          });
          const broken = await breakOf(swapped);
          expect(broken.position).toBe(i + 1);
          expect(['reordered', 'removed']).toContain(broken.kind);
        }),
      );
    });
  });
});
