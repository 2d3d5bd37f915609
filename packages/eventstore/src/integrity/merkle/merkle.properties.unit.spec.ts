import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { InMemoryMerkleNodeStore } from './node-store';
import { MerkleLog } from './merkle-log';
import { verifyConsistency, verifyInclusion } from './proof-verifier';
import { leafHash, recursiveRoot, type TreeHash } from './tree-hash';

const leavesOf = (salt: number, size: number): TreeHash[] =>
  Array.from({ length: size }, (_, at) => leafHash(Buffer.from(`${salt}/${at}`)));

const logOf = async (leaves: readonly TreeHash[]): Promise<MerkleLog> => {
  const log = MerkleLog.empty(new InMemoryMerkleNodeStore());
  await log.append(leaves);
  return log;
};

const proofOf = (result: E.Either<string, TreeHash[]>): TreeHash[] => (E.isRight(result) ? result.right : []);

const flipBit = (hash: TreeHash, bit: number): TreeHash => {
  const flipped = Buffer.from(hash);
  const at = Math.floor(bit / 8) % flipped.length;
  flipped[at] = (flipped[at] ?? 0) ^ (1 << (bit % 8));
  return flipped;
};

const tree = fc.record({ salt: fc.nat(), size: fc.integer({ min: 1, max: 300 }) });

type Tampering = 'altered' | 'removed' | 'reordered' | 'replaced-last';

/** The leaves after tampering, and the first position whose leaf differs. */
const tamper = (leaves: readonly TreeHash[], how: Tampering, at: number, other: number): [TreeHash[], number] => {
  const changed = [...leaves];
  switch (how) {
    case 'altered':
      changed[at] = flipBit(leaves[at] as TreeHash, 0);
      return [changed, at];
    case 'removed':
      changed.splice(at, 1);
      return [changed, at];
    case 'reordered': {
      const [first, second] = [Math.min(at, other), Math.max(at, other)];
      [changed[first], changed[second]] = [leaves[second] as TreeHash, leaves[first] as TreeHash];
      return [changed, first];
    }
    case 'replaced-last':
      // The last leaf appended, then taken back and another put in its place.
      changed[leaves.length - 1] = leafHash(Buffer.from('another leaf'));
      return [changed, leaves.length - 1];
  }
};

describe('the Merkle log, for random trees of 1 to 300 leaves', () => {
  it('grows to the root of the recursive definition, at every earlier size too', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.nat(), async ({ salt, size }, pick) => {
        const leaves = leavesOf(salt, size);
        const log = await logOf(leaves);
        const earlier = 1 + (pick % size);
        expect(Buffer.from(log.root()).equals(recursiveRoot(leaves))).toBe(true);
        const rootAt = await log.rootAt(earlier);
        expect(E.isRight(rootAt) && Buffer.from(rootAt.right).equals(recursiveRoot(leaves.slice(0, earlier)))).toBe(
          true,
        );
      }),
    );
  });

  it("proves every leaf's inclusion against the root", async () => {
    await fc.assert(
      fc.asyncProperty(tree, async ({ salt, size }) => {
        const leaves = leavesOf(salt, size);
        const log = await logOf(leaves);
        const root = log.root();
        for (const [at, leaf] of leaves.entries()) {
          const proof = await log.inclusionProof(at);
          expect(E.isRight(proof) && verifyInclusion(at, size, leaf, proof.right, root)).toEqual(E.right(true));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('proves every older size consistent with the newer, and refuses a flipped proof element', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.nat(), fc.nat(), async ({ salt, size }, pick, bit) => {
        const leaves = leavesOf(salt, size);
        const log = await logOf(leaves);
        const older = 1 + (pick % size);
        const olderRoot = recursiveRoot(leaves.slice(0, older));
        const proof = proofOf(await log.consistencyProof(older));
        expect(verifyConsistency(older, size, olderRoot, log.root(), proof)).toEqual(E.right(true));
        fc.pre(proof.length > 0);
        const flipped = proof.map((hash, at) => (at === bit % proof.length ? flipBit(hash, bit) : hash));
        expect(E.isLeft(verifyConsistency(older, size, olderRoot, log.root(), flipped))).toBe(true);
      }),
    );
  });

  it('refuses an inclusion proof with an element flipped, dropped or added', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.nat(), fc.nat(), async ({ salt, size }, pick, bit) => {
        const leaves = leavesOf(salt, size);
        const log = await logOf(leaves);
        const at = pick % size;
        const proof = proofOf(await log.inclusionProof(at));
        const check = (path: TreeHash[]) => verifyInclusion(at, size, leaves[at] as TreeHash, path, log.root());
        expect(E.isLeft(check([...proof, leaves[0] as TreeHash]))).toBe(true);
        fc.pre(proof.length > 0);
        expect(
          E.isLeft(check(proof.map((hash, index) => (index === bit % proof.length ? flipBit(hash, bit) : hash)))),
        ).toBe(true);
        expect(E.isLeft(check(proof.slice(1)))).toBe(true);
      }),
    );
  });

  it('catches a leaf altered, removed, reordered or replaced after a checkpoint that covers it', async () => {
    const tampering = fc.constantFrom<Tampering>('altered', 'removed', 'reordered', 'replaced-last');
    await fc.assert(
      fc.asyncProperty(
        fc.record({ salt: fc.nat(), size: fc.integer({ min: 2, max: 300 }) }),
        tampering,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        async ({ salt, size }, how, atPick, otherPick, checkpointPick) => {
          const leaves = leavesOf(salt, size);
          const at = atPick % size;
          const other = (at + 1 + (otherPick % (size - 1))) % size;
          const [changed, firstChanged] = tamper(leaves, how, at, other);
          const tampered = await logOf(changed);
          // The auditor holds the original leaf and the tampered log's proof for its position.
          const held = leaves[firstChanged] as TreeHash;
          const inclusion = await tampered.inclusionProof(firstChanged);
          const included = E.isRight(inclusion)
            ? verifyInclusion(firstChanged, tampered.size, held, inclusion.right, tampered.root())
            : inclusion;
          expect(E.isLeft(included)).toBe(true);
          // A checkpoint signed before the tampering, at a size past the first changed leaf.
          const checkpointSize = firstChanged + 1 + (checkpointPick % (size - firstChanged));
          const checkpointRoot = recursiveRoot(leaves.slice(0, checkpointSize));
          const proof = proofOf(await tampered.consistencyProof(checkpointSize));
          expect(
            E.isLeft(verifyConsistency(checkpointSize, tampered.size, checkpointRoot, tampered.root(), proof)),
          ).toBe(true);
        },
      ),
    );
  });

  it('resumes from its stored nodes with the same root and proofs', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.integer({ min: 0, max: 40 }), async ({ salt, size }, more) => {
        const store = new InMemoryMerkleNodeStore();
        const leaves = leavesOf(salt, size + more);
        const first = MerkleLog.empty(store);
        await first.append(leaves.slice(0, size));
        const resumed = await MerkleLog.resume(store, size);
        await resumed.append(leaves.slice(size));
        expect(Buffer.from(resumed.root()).equals(recursiveRoot(leaves))).toBe(true);
        const proof = proofOf(await resumed.consistencyProof(size));
        expect(verifyConsistency(size, size + more, first.root(), resumed.root(), proof)).toEqual(E.right(true));
      }),
      { numRuns: 50 },
    );
  });
});
