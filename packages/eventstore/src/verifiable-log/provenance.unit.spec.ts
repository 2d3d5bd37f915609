import * as E from 'fp-ts/Either';
import * as fc from 'fast-check';
import { collect, someEvents } from '../contract/fixtures';
import type { StoredEvent } from '../event-store';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { openLogCheckpoint } from '../integrity/merkle/checkpoint';
import { verifyConsistency } from '../integrity/merkle/proof-verifier';
import { parseVerifierKey } from '../integrity/merkle/signed-note';
import { signCheckpoint } from './checkpoint-signer';
import { provenanceThrough, type SignedHistorySources } from './provenance';
import { newSigningKeyText, parseSigningKeyText } from './signing-key';

const key = parseSigningKeyText('/keys/coachline-test', newSigningKeyText('coachline.test/log'));
const verifier = (() => {
  const parsed = parseVerifierKey(key.verifierKey);
  if (E.isLeft(parsed)) throw new Error(parsed.left);
  return parsed.right;
})();
const NOON = new Date('2026-12-06T12:00:00.000Z');

/** A store of `events` events, with a checkpoint signed after the first `signedAt` of them. */
const storeWith = async (events: number, signedAt: number): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  if (signedAt > 0) await store.append('provider-a', someEvents(signedAt), 'any');
  if (signedAt > 0) await signCheckpoint(store.verifiableLog, store.signedCheckpoints, key, NOON);
  if (events > signedAt) await store.append('provider-b', someEvents(events - signedAt, 'SessionLogged', 100), 'any');
  return store;
};

const sourcesOf = (store: InMemoryEventStore): SignedHistorySources => ({
  events: store,
  log: store.verifiableLog,
  checkpoints: store.signedCheckpoints,
});

describe('the provenance of the events up to a position', () => {
  it('is, for every position a checkpoint covers, a tree its signed note is proven to extend', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 20 })
          .chain((signed) =>
            fc.tuple(fc.constant(signed), fc.integer({ min: signed, max: 24 }), fc.integer({ min: 1, max: signed })),
          ),
        async ([signed, events, position]) => {
          const store = await storeWith(events, signed);
          const provenance = await provenanceThrough(sourcesOf(store), position);
          expect(provenance).toMatchObject({ position, size: position, covering: { checkpoint: { size: signed } } });
          const root = await store.verifiableLog.rootAt(position);
          expect(E.isRight(root) && Buffer.from(root.right).equals(Buffer.from(provenance!.root))).toBe(true);
          const opened = openLogCheckpoint(provenance!.covering!.checkpoint.note, [verifier], key.signer.name);
          if (E.isLeft(opened)) throw new Error(opened.left);
          const { consistency } = provenance!.covering!;
          const checked = verifyConsistency(
            position,
            signed,
            provenance!.root,
            opened.right.checkpoint.root,
            consistency,
          );
          expect(E.isRight(checked)).toBe(true);
          // The same proof does not tie the signed tree to a root the history never had.
          const forged = verifyConsistency(
            position,
            signed,
            new Uint8Array(32).fill(9),
            opened.right.checkpoint.root,
            consistency,
          );
          expect(E.isRight(forged)).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('names the first checkpoint that covers the position, not the latest', async () => {
    const store = await storeWith(6, 3);
    await store.append('provider-c', someEvents(2, 'SessionLogged', 200), 'any');
    await signCheckpoint(store.verifiableLog, store.signedCheckpoints, key, NOON);
    expect((await provenanceThrough(sourcesOf(store), 2))?.covering?.checkpoint.size).toBe(3);
    expect((await provenanceThrough(sourcesOf(store), 4))?.covering?.checkpoint.size).toBe(8);
  });

  it('gives a position past every checkpoint its tree and no checkpoint', async () => {
    const store = await storeWith(7, 4);
    const provenance = await provenanceThrough(sourcesOf(store), 6);
    expect(provenance).toMatchObject({ position: 6, size: 6 });
    expect(provenance).not.toHaveProperty('covering');
  });

  it.each([0, -1, 1.5, 8, Number.MAX_SAFE_INTEGER])('gives the position %s, which no event has, none', async (p) => {
    const store = await storeWith(7, 4);
    expect(await provenanceThrough(sourcesOf(store), p)).toBeUndefined();
  });

  it('counts the leaves where positions leave gaps, and gives a position between two events none', async () => {
    const store = await storeWith(3, 3);
    const stored = await collect(store.readAll());
    // Positions as EventStoreDB gives them: increasing, far apart.
    const spread = stored.map((event, i): StoredEvent => ({ ...event, position: (i + 1) * 100 }));
    const events: SignedHistorySources['events'] = {
      readAll: ({ after = 0 } = {}) => ({
        async *[Symbol.asyncIterator]() {
          yield* spread.filter((event) => event.position > after);
        },
      }),
    };
    const sources = { ...sourcesOf(store), events };
    expect(await provenanceThrough(sources, 200)).toMatchObject({ position: 200, size: 2 });
    expect(await provenanceThrough(sources, 250)).toBeUndefined();
  });
});
