import { createHash, randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { EMPTY_RANGE, InMemoryMerkleNodeStore, MerkleLog, nodeKey, type CompactRange } from '@coachline/eventstore';
import { chunkData, chunkFromData, nodesCompletedBy, sealChunk, type SealedLeaf, type TreeChunk } from './tree-chunk';

const leafAt = (index: number): SealedLeaf => ({
  hash: createHash('sha256').update(`leaf ${index}`).digest(),
  esdbId: randomUUID(),
  position: 100 * (index + 1),
});

/** Seals `count` leaves in chunks of `leaves`; the leaves short of a chunk stay out. */
const sealedChunks = (count: number, leaves: number): { chunks: TreeChunk[]; all: SealedLeaf[] } => {
  const all = Array.from({ length: count }, (_, index) => leafAt(index));
  const chunks: TreeChunk[] = [];
  let range: CompactRange = EMPTY_RANGE;
  for (let number = 0; (number + 1) * leaves <= count; number++) {
    const sealed = sealChunk(number, all.slice(number * leaves, (number + 1) * leaves), range);
    chunks.push(sealed.chunk);
    range = sealed.range;
  }
  return { chunks, all };
};

const rightOf = <A>(either: E.Either<string, A>): A => {
  if (E.isLeft(either)) throw new Error(either.left);
  return either.right;
};

describe('a sealed chunk of the tree', () => {
  it('holds every node of the tree its leaves complete, each once, as a Merkle log over the same leaves keeps them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 6 }), async (k, chunkCount) => {
        const leaves = 2 ** k;
        const { chunks, all } = sealedChunks(leaves * chunkCount, leaves);
        const reference = new InMemoryMerkleNodeStore();
        const log = MerkleLog.empty(reference);
        await log.append(all.map((leaf) => leaf.hash));
        const sealed = chunks.flatMap((chunk) => chunk.nodes);
        expect(new Set(sealed.map(nodeKey)).size).toBe(sealed.length);
        expect(sealed.length).toBe(reference.size);
        const hashes = await reference.readNodes(sealed);
        for (const node of sealed) expect(Buffer.from(node.hash)).toEqual(Buffer.from(hashes.get(nodeKey(node))!));
      }),
      { numRuns: 40 },
    );
  });

  it('reads back from its event data exactly as it was sealed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 5 }), (k, chunkCount) => {
        const { chunks } = sealedChunks(2 ** k * chunkCount, 2 ** k);
        for (const chunk of chunks) expect(rightOf(chunkFromData(chunkData(chunk), chunk.number))).toEqual(chunk);
      }),
      { numRuns: 30 },
    );
  });

  it('lists, for each leaf, the nodes appendLeaf completes: one more per trailing one bit of its index', () => {
    expect(nodesCompletedBy(0)).toEqual([{ level: 0, index: 0 }]);
    expect(nodesCompletedBy(7)).toEqual([
      { level: 0, index: 7 },
      { level: 1, index: 3 },
      { level: 2, index: 1 },
      { level: 3, index: 0 },
    ]);
    expect(nodesCompletedBy(10)).toEqual([{ level: 0, index: 10 }]);
  });

  it('refuses event data whose shape does not fit the chunk it claims to be', () => {
    const [, second] = sealedChunks(8, 4).chunks as [TreeChunk, TreeChunk];
    const data = chunkData(second);
    const refusal = (changed: Partial<typeof data>, revision = 1): string =>
      E.isLeft(chunkFromData({ ...data, ...changed }, revision))
        ? 'refused'
        : `accepted ${JSON.stringify(changed)} at ${revision}`;
    expect(refusal({}, 0)).toBe('refused');
    expect(refusal({ leaves: 3 })).toBe('refused');
    expect(refusal({ size: 4 })).toBe('refused');
    expect(refusal({ nodes: data.nodes.slice(8) })).toBe('refused');
    expect(refusal({ peaks: `${data.peaks}AAAA` })).toBe('refused');
    expect(refusal({ ids: '!!!!' })).toBe('refused');
  });

  it('refuses to seal a count of leaves that is no power of two, or a chunk that does not follow its tree', () => {
    const leaves = [leafAt(0), leafAt(1), leafAt(2)];
    expect(() => sealChunk(0, leaves, EMPTY_RANGE)).toThrow(/power of two/);
    expect(() => sealChunk(1, leaves.slice(0, 2), EMPTY_RANGE)).toThrow(/cannot follow/);
  });
});
