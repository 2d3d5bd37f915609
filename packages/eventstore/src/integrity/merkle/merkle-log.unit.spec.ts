import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { InMemoryMerkleNodeStore, type TreeNode } from './node-store';
import { MerkleLog } from './merkle-log';
import { verifyConsistency, verifyInclusion } from './proof-verifier';
import { emptyTreeHash, eventLeafHash, leafHash, type TreeHash } from './tree-hash';

/** Counts the nodes each proof reads. */
class CountingNodeStore extends InMemoryMerkleNodeStore {
  reads = 0;
  override readNodes(nodes: readonly TreeNode[]) {
    this.reads += nodes.length;
    return super.readNodes(nodes);
  }
}

const leaves = (count: number): TreeHash[] =>
  Array.from({ length: count }, (_, at) => leafHash(Buffer.from(String(at))));

describe('the Merkle log', () => {
  it('reads O(log n) stored nodes per proof, not every leaf', async () => {
    const store = new CountingNodeStore();
    const log = MerkleLog.empty(store);
    await log.append(leaves(5000));
    for (const [index, size] of [
      [0, 5000],
      [4999, 5000],
      [2047, 4097],
      [3333, 4999],
    ] as const) {
      store.reads = 0;
      expect(E.isRight(await log.inclusionProof(index, size))).toBe(true);
      expect(store.reads).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(size)));
    }
    for (const [older, newer] of [
      [1, 5000],
      [4095, 4097],
      [2500, 4999],
    ] as const) {
      store.reads = 0;
      expect(E.isRight(await log.consistencyProof(older, newer))).toBe(true);
      expect(store.reads).toBeLessThanOrEqual(3 * Math.ceil(Math.log2(newer)));
    }
  });

  it("takes an event's canonical content, as UTF-8, as the bytes of its leaf", () => {
    const content = '{"data":{"note":"café"},"id":"e-1"}';
    expect(Buffer.from(eventLeafHash(content)).equals(leafHash(Buffer.from(content, 'utf8')))).toBe(true);
    expect(Buffer.from(eventLeafHash(content)).equals(eventLeafHash(content.replace('é', 'e')))).toBe(false);
  });

  it('has the hash of nothing as the root of the empty tree', () => {
    const log = MerkleLog.empty(new InMemoryMerkleNodeStore());
    expect(Buffer.from(log.root()).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(Buffer.from(emptyTreeHash()).equals(Buffer.from(log.root()))).toBe(true);
  });

  it('refuses proofs for sizes and leaves it does not have', async () => {
    const log = MerkleLog.empty(new InMemoryMerkleNodeStore());
    await log.append(leaves(10));
    expect(await log.inclusionProof(10, 10)).toEqual(E.left('leaf 10 is not in a tree of 10 leaves'));
    expect(await log.inclusionProof(0, 11)).toEqual(E.left('the log has only 10 leaves, not 11'));
    expect(await log.inclusionProof(-1, 10)).toEqual(E.left('leaf index and tree size must be whole numbers ≥ 0'));
    expect(await log.consistencyProof(7, 5)).toEqual(E.left('a tree of 7 leaves cannot grow into one of 5'));
    expect(await log.consistencyProof(0, 5)).toEqual(
      E.left('the empty tree is consistent with every tree: no proof to give'),
    );
    expect(await log.rootAt(11)).toEqual(E.left('the log has no tree of 11 leaves'));
  });

  it('refuses a leaf hash that is not 32 bytes and keeps its size', async () => {
    const log = MerkleLog.empty(new InMemoryMerkleNodeStore());
    await expect(log.append([Buffer.alloc(31)])).rejects.toThrow('32 bytes');
    expect(log.size).toBe(0);
  });

  it('never throws on hostile proofs, sizes or hashes', () => {
    const hostile = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.constant(Buffer.alloc(32)),
      fc.anything(),
    ) as fc.Arbitrary<TreeHash>;
    const size = fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(2 ** 60));
    fc.assert(
      fc.property(size, size, hostile, hostile, fc.array(hostile, { maxLength: 70 }), (a, b, first, second, proof) => {
        expect(() => verifyInclusion(a, b, first, proof, second)).not.toThrow();
        expect(() => verifyConsistency(a, b, first, second, proof)).not.toThrow();
      }),
    );
  });

  it('refuses a proof that is not a list, rather than throwing', () => {
    const hash = Buffer.alloc(32);
    expect(verifyInclusion(0, 2, hash, 'proof' as unknown as TreeHash[], hash)).toEqual(
      E.left('the proof is not a list of hashes'),
    );
  });
});
