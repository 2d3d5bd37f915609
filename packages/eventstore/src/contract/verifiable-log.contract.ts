import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { StoredEvent } from '../event-store';
import { canonicalContent } from '../integrity/event-hash';
import { verifyConsistency, verifyInclusion } from '../integrity/merkle/proof-verifier';
import { eventLeafHash, recursiveRoot, type TreeHash } from '../integrity/merkle/tree-hash';
import type { VerifiableLog } from '../verifiable-log';
import type { OpenContractSubject } from './contract-subject';
import { useContractContext, type ContractContext } from './contract-context';
import { anEvent, collect, expectRevisionConflict, someEvents } from './fixtures';

const WRITERS = 12;

/** Ids a caller could send that no store holds: none may be taken for a property or a path. */
const HOSTILE_IDS = [
  '__proto__',
  'constructor',
  'toString',
  '..',
  '../../etc/passwd',
  'x'.repeat(200),
  "' OR '1'='1",
  '',
  ' ',
];

export const verifiableLogOf = (context: ContractContext): VerifiableLog => {
  const log = context.subject.verifiableLog;
  if (log === undefined)
    throw new Error('The subject keeps no verifiableLog; pass { verifiableLog: false } if its engine keeps no tree.');
  return log;
};

/** The whole global order as the tree must hold it, once the tree covers every event stored. */
interface Ordered {
  readonly events: StoredEvent[];
  readonly leaves: TreeHash[];
  /**
   * The leaf index of the test's first event. Positions are not leaf indexes on every engine
   * (EventStoreDB's are commit positions), so places in the tree are counted from the order read.
   */
  readonly firstOwn: number;
}

const sealedOrder = async (context: ContractContext): Promise<Ordered> => {
  await context.subject.sealed?.();
  const events = await collect(context.store.readAll({ batchSize: 500 }));
  const firstOwn = events.findIndex((event) => event.stream.startsWith(`${context.run}-`));
  return {
    events,
    leaves: events.map((event) => eventLeafHash(canonicalContent(event))),
    firstOwn: firstOwn === -1 ? events.length : firstOwn,
  };
};

/** RFC 9162 roots of the first `size` leaves, each computed once: a shared store may hold many events. */
const referenceRoots = (leaves: readonly TreeHash[]): ((size: number) => TreeHash) => {
  const roots = new Map<number, TreeHash>();
  return (size) => {
    const known = roots.get(size);
    if (known !== undefined) return known;
    const root = recursiveRoot(leaves.slice(0, size));
    roots.set(size, root);
    return root;
  };
};

const hex = (hash: TreeHash): string => Buffer.from(hash).toString('hex');

const rightOf = <A>(either: E.Either<string, A>): A => {
  if (E.isLeft(either)) throw new Error(`Expected a value, got the refusal: ${either.left}`);
  return either.right;
};

/** Expects the tree's head to be the RFC 9162 tree of exactly these leaves. */
const expectHeadOver = async (log: VerifiableLog, leaves: readonly TreeHash[]): Promise<void> => {
  const head = await log.treeHead();
  expect(head.size).toBe(leaves.length);
  expect(hex(head.root)).toBe(hex(recursiveRoot(leaves)));
};

export const merkleTreeContract = (open: OpenContractSubject): void => {
  describe('verifiable log', () => {
    const context = useContractContext(open);

    const appendSome = async (): Promise<void> => {
      await context.store.append(context.stream('provider-p1'), someEvents(3), 'no-stream');
      await context.store.append(context.stream('coach-c1'), someEvents(2, 'CoachRegistered'), 'any');
      await context.store.append(context.stream('provider-p1'), someEvents(2, 'FeedbackSent'), 2);
    };

    it('covers every event in global order: its head is the RFC 9162 tree of their leaves', async () => {
      await appendSome();
      const { events, leaves, firstOwn } = await sealedOrder(context);
      expect(events.slice(firstOwn).filter((event) => event.stream.startsWith(`${context.run}-`))).toHaveLength(7);
      await expectHeadOver(verifiableLogOf(context), leaves);
    });

    it('gives the root every earlier size had, and refuses sizes it never had', async () => {
      await appendSome();
      const log = verifiableLogOf(context);
      const { leaves, firstOwn } = await sealedOrder(context);
      const size = leaves.length;
      const rootOf = referenceRoots(leaves);
      for (const earlier of new Set([0, 1, firstOwn, firstOwn + 1, size - 1, size])) {
        expect(hex(rightOf(await log.rootAt(earlier)))).toBe(hex(rootOf(earlier)));
      }
      for (const never of [size + 1, size + 1_000, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])
        expect(E.isLeft(await log.rootAt(never))).toBe(true);
    });

    it('finds each event’s leaf at its place in the global order, and no leaf for ids it does not hold', async () => {
      await appendSome();
      const log = verifiableLogOf(context);
      const { events } = await sealedOrder(context);
      const own = events.flatMap((event, index) =>
        event.stream.startsWith(`${context.run}-`) ? [{ event, index }] : [],
      );
      expect(own).toHaveLength(7);
      for (const { event, index } of own) expect(await log.leafIndexOf(event.id)).toBe(index);
      for (const id of [randomUUID(), ...HOSTILE_IDS]) expect(await log.leafIndexOf(id)).toBeUndefined();
    });

    it('proves each event in every tree that holds it, and no other event in its place', async () => {
      await appendSome();
      const log = verifiableLogOf(context);
      const { leaves, firstOwn } = await sealedOrder(context);
      const size = leaves.length;
      const rootOf = referenceRoots(leaves);
      const indexes = [firstOwn, firstOwn + 3, size - 1];
      for (const index of indexes) {
        for (const treeSize of new Set([index + 1, index + 2, size].filter((s) => s <= size))) {
          const proof = rightOf(await log.inclusionProof(index, treeSize));
          const root = rootOf(treeSize);
          expect(verifyInclusion(index, treeSize, leaves[index]!, proof, root)).toEqual(E.right(true));
          const other = index === 0 ? 1 : index - 1;
          if (other < size && hex(leaves[other]!) !== hex(leaves[index]!))
            expect(E.isLeft(verifyInclusion(index, treeSize, leaves[other]!, proof, root))).toBe(true);
        }
      }
      for (const [index, treeSize] of [
        [size, size],
        [size + 5, size],
        [0, size + 1],
        [-1, size],
        [0.5, size],
      ] as const)
        expect(E.isLeft(await log.inclusionProof(index, treeSize))).toBe(true);
    });

    it('proves every earlier tree a prefix of every later one', async () => {
      await appendSome();
      const log = verifiableLogOf(context);
      const { leaves, firstOwn } = await sealedOrder(context);
      const size = leaves.length;
      const rootOf = referenceRoots(leaves);
      const sizes = [...new Set([1, firstOwn, firstOwn + 1, size - 2, size - 1, size])]
        .filter((s) => s >= 1 && s <= size)
        .sort((a, b) => a - b);
      for (const older of sizes) {
        for (const newer of sizes.filter((s) => s >= older)) {
          const proof = rightOf(await log.consistencyProof(older, newer));
          expect(verifyConsistency(older, newer, rootOf(older), rootOf(newer), proof)).toEqual(E.right(true));
          if (older < newer) {
            const forged = recursiveRoot([...leaves.slice(0, older - 1), eventLeafHash('{"forged":true}')]);
            expect(E.isLeft(verifyConsistency(older, newer, forged, rootOf(newer), proof))).toBe(true);
          }
        }
      }
      for (const [older, newer] of [
        [size, size - 1],
        [1, size + 1],
        [-1, size],
        [1.5, size],
      ] as const)
        expect(E.isLeft(await log.consistencyProof(older, newer))).toBe(true);
    });

    it(`keeps tree and global order in step while ${WRITERS} writers append to their own streams at once`, async () => {
      const log = verifiableLogOf(context);
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          for (let append = 0; append < 3; append++)
            await context.store.append(
              context.stream(`writer-${writer}`),
              someEvents(1 + (append % 2), 'SessionLogged', writer * 10 + append),
              'any',
            );
        }),
      );
      const { events, leaves } = await sealedOrder(context);
      await expectHeadOver(log, leaves);
      const own = events.flatMap((event, index) =>
        event.stream.startsWith(`${context.run}-`) ? [{ event, index }] : [],
      );
      expect(own).toHaveLength(WRITERS * 4);
      for (const { event, index } of own) expect(await log.leafIndexOf(event.id)).toBe(index);
    });

    it('adds no leaf for an append refused for a revision conflict', async () => {
      const log = verifiableLogOf(context);
      const stream = context.stream('provider-p1');
      await context.store.append(stream, [anEvent()], 'no-stream');
      const before = await sealedOrder(context);
      const conflicting = someEvents(2);
      await expectRevisionConflict(context.store.append(stream, conflicting, 'no-stream'), stream);
      await expectRevisionConflict(context.store.append(stream, someEvents(1), 5), stream);
      const after = await sealedOrder(context);
      expect(after.events).toHaveLength(before.events.length);
      await expectHeadOver(log, before.leaves);
      for (const { id } of conflicting) expect(await log.leafIndexOf(id)).toBeUndefined();
    });
  });
};
