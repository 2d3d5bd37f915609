import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import type { StoredEvent } from '../event-store';
import { canonicalContent, type HashedContent } from '../integrity/event-hash';
import { signLogCheckpoint } from '../integrity/merkle/checkpoint';
import { sameHash } from '../integrity/merkle/tree-hash';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { checkConsistency, checkInclusionProof, encodeHashes } from './proof-files';
import { checkpointOf, inclusionFileOf, logKey, treeOf } from './signed-log.fixtures';

// Whatever an operator changes in a history after a checkpoint was signed over it, an auditor
// holding that checkpoint and the log's verifier key notices: no altered, dropped, reordered or
// truncated history has the signed root, proves its events under it, or extends it.

const KEY = logKey();
const IMPOSTOR = logKey(KEY.name);

const jsonValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxKeys: 3 }),
);

const anEvent = fc.record({
  id: fc.uuid(),
  stream: fc.constantFrom('provider-p-1', 'provider-p-2', 'coach-c-3'),
  type: fc.constantFrom('ProviderEnrolled', 'SessionLogged', 'FeedbackSent'),
  schemaVersion: fc.integer({ min: 1, max: 3 }),
  data: fc.dictionary(fc.string({ maxLength: 6 }), jsonValue, { maxKeys: 4 }),
  metadata: fc.record({
    actor: fc.record({ id: fc.constantFrom('c-03', 'a-01'), role: fc.constantFrom('coach', 'admin') }),
    recordedAt: fc.integer({ min: 1.6e12, max: 1.9e12 }).map((ms) => new Date(ms).toISOString()),
    commandId: fc.uuid(),
    correlationId: fc.uuid(),
  }),
});
type GeneratedEvent = typeof anEvent extends fc.Arbitrary<infer T> ? T : never;

const aHistory = fc.uniqueArray(anEvent, { minLength: 1, maxLength: 12, selector: (event) => event.id });

type Field = keyof HashedContent;
const aChange: fc.Arbitrary<{ readonly field: Field; readonly value: unknown }> = fc.oneof(
  ...(['id', 'stream', 'type'] as const).map((field) => fc.record({ field: fc.constant(field), value: fc.string() })),
  ...(['revision', 'schemaVersion'] as const).map((field) =>
    fc.record({ field: fc.constant(field), value: fc.integer({ min: 0, max: 50 }) }),
  ),
  ...(['data', 'metadata'] as const).map((field) => fc.record({ field: fc.constant(field), value: jsonValue })),
);

type Tampering =
  | { readonly kind: 'alter'; readonly index: number; readonly field: Field; readonly value: unknown }
  | { readonly kind: 'remove'; readonly index: number }
  | { readonly kind: 'swap'; readonly first: number; readonly second: number }
  | { readonly kind: 'truncate'; readonly removed: number };

const aTampering = (size: number): fc.Arbitrary<Tampering> => {
  const index = fc.nat(size - 1);
  const kinds: fc.Arbitrary<Tampering>[] = [
    fc.record({ index, change: aChange }).map(({ index, change }) => ({ kind: 'alter' as const, index, ...change })),
    index.map((index) => ({ kind: 'remove' as const, index })),
    fc.integer({ min: 1, max: size }).map((removed) => ({ kind: 'truncate' as const, removed })),
  ];
  if (size >= 2)
    kinds.push(
      fc
        .uniqueArray(index, { minLength: 2, maxLength: 2 })
        .map(([first, second]) => ({ kind: 'swap' as const, first: first!, second: second! })),
    );
  return fc.oneof(...kinds);
};

/** The history after the tampering, and the events it put where the signed history had others. */
const tamper = (
  history: readonly StoredEvent[],
  tampering: Tampering,
): { readonly tampered: HashedContent[]; readonly moved: ReadonlyArray<readonly [number, HashedContent]> } => {
  const tampered: HashedContent[] = [...history];
  switch (tampering.kind) {
    case 'alter': {
      const altered = { ...history[tampering.index]!, [tampering.field]: tampering.value };
      tampered[tampering.index] = altered;
      return { tampered, moved: [[tampering.index, altered]] };
    }
    case 'remove':
      tampered.splice(tampering.index, 1);
      return { tampered, moved: tampered.slice(tampering.index).map((event, i) => [tampering.index + i, event]) };
    case 'swap': {
      const { first, second } = tampering;
      [tampered[first], tampered[second]] = [tampered[second]!, tampered[first]!];
      return { tampered, moved: [first, second].map((index) => [index, tampered[index]!] as const) };
    }
    case 'truncate':
      return { tampered: tampered.slice(0, tampered.length - tampering.removed), moved: [] };
  }
};

const changesContent = (history: readonly StoredEvent[], tampering: Tampering): boolean => {
  if (tampering.kind !== 'alter') return true;
  const original = history[tampering.index]!;
  try {
    return canonicalContent({ ...original, [tampering.field]: tampering.value }) !== canonicalContent(original);
  } catch {
    return false;
  }
};

/** A history as a store holds it, and the checkpoint signed over it. */
const signedStore = async (events: ReadonlyArray<GeneratedEvent>) => {
  const store = await InMemoryEventStore.of(events);
  const history: StoredEvent[] = [];
  for await (const event of store.readAll()) history.push(event);
  const head = await store.verifiableLog.treeHead();
  const note = signLogCheckpoint({ origin: KEY.name, ...head, extensions: [] }, [KEY]);
  return { store, history, head, note };
};

const aSignedHistoryAndTampering = aHistory.chain((events) =>
  fc.record({
    events: fc.constant(events),
    tampering: aTampering(events.length),
    grownBy: fc.array(anEvent, { maxLength: 3 }),
  }),
);

/** An event appended after the tampering, at a revision of its own (what the store would give it). */
const asStored = (event: GeneratedEvent, index: number): HashedContent => ({
  ...event,
  revision: 1_000 + index,
});

describe('a signed checkpoint against a tampered history', () => {
  it('no tampered history has the signed tree head', async () => {
    await fc.assert(
      fc.asyncProperty(aSignedHistoryAndTampering, async ({ events, tampering }) => {
        const { history, head } = await signedStore(events);
        fc.pre(changesContent(history, tampering));
        const tree = await treeOf(tamper(history, tampering).tampered);
        expect(tree.size === head.size && sameHash(tree.root(), head.root)).toBe(false);
      }),
    );
  });

  it('no event the tampering moved or altered is proven under the signed checkpoint', async () => {
    await fc.assert(
      fc.asyncProperty(aSignedHistoryAndTampering, async ({ events, tampering }) => {
        const { store, history, note } = await signedStore(events);
        fc.pre(changesContent(history, tampering));
        const { tampered, moved } = tamper(history, tampering);
        const tree = await treeOf(tampered);
        for (const [index, event] of moved) {
          // The path the tampered store gives, and the honest store's path for that place.
          const forged = await inclusionFileOf(tree, event, index, note);
          expect(E.isLeft(checkInclusionProof(forged, [KEY.verifier]))).toBe(true);
          const honestPath = await store.verifiableLog.inclusionProof(index, history.length);
          if (E.isRight(honestPath) && canonicalContent(event) !== canonicalContent(history[index]!)) {
            const borrowed = { ...forged, treeSize: history.length, proof: encodeHashes(honestPath.right) };
            expect(E.isLeft(checkInclusionProof(borrowed, [KEY.verifier]))).toBe(true);
          }
        }
      }),
    );
  });

  it('no tampered history, however it grows after, is consistent with the signed checkpoint, even when signed with the same key', async () => {
    await fc.assert(
      fc.asyncProperty(aSignedHistoryAndTampering, async ({ events, tampering, grownBy }) => {
        const { history, note } = await signedStore(events);
        fc.pre(changesContent(history, tampering));
        const grown = await treeOf([...tamper(history, tampering).tampered, ...grownBy.map(asStored)]);
        const proof = await grown.consistencyProof(history.length, grown.size);
        const verdict = checkConsistency(note, checkpointOf(grown, KEY), E.isRight(proof) ? proof.right : [], [
          KEY.verifier,
        ]);
        expect(E.isLeft(verdict)).toBe(true);
      }),
    );
  });

  it('an honest history that grows stays consistent, and each of its events is proven', async () => {
    await fc.assert(
      fc.asyncProperty(aHistory, fc.array(anEvent, { maxLength: 3 }), async (events, grownBy) => {
        const { store, history, note } = await signedStore(events);
        const held = new Set(history.map((event) => event.id));
        for (const event of grownBy.filter(({ id }) => !held.has(id))) await store.append(event.stream, [event], 'any');
        const grownHead = await store.verifiableLog.treeHead();
        const newer = signLogCheckpoint({ origin: KEY.name, ...grownHead, extensions: [] }, [KEY]);
        const proof = await store.verifiableLog.consistencyProof(history.length, grownHead.size);
        expect(E.isRight(checkConsistency(note, newer, E.isRight(proof) ? proof.right : [], [KEY.verifier]))).toBe(
          true,
        );
        const tree = await treeOf(history);
        for (const [index, event] of history.entries())
          expect(checkInclusionProof(await inclusionFileOf(tree, event, index, note), [KEY.verifier])).toEqual(
            E.right(expect.objectContaining({ leafIndex: index })),
          );
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a checkpoint of the same log signed by another key', async () => {
    await fc.assert(
      fc.asyncProperty(aHistory, fc.nat(), async (events, pick) => {
        const { history } = await signedStore(events);
        const tree = await treeOf(history);
        const index = pick % history.length;
        const file = await inclusionFileOf(tree, history[index]!, index, checkpointOf(tree, IMPOSTOR));
        expect(E.isLeft(checkInclusionProof(file, [KEY.verifier]))).toBe(true);
        expect(E.isRight(checkInclusionProof(file, [IMPOSTOR.verifier]))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
