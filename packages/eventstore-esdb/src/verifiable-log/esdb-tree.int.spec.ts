/**
 * The tree on EventStoreDB, on a fresh in-process server per test (the tree covers all of `$all`):
 * chunk boundaries and the tail, a restart, two sealers at once, and sealed chunks someone altered.
 */
import * as E from 'fp-ts/Either';
import { EventStoreDBClient, NO_STREAM, type JSONType } from '@eventstore/db-client';
import {
  canonicalContent,
  EMPTY_RANGE,
  eventLeafHash,
  InMemoryMerkleNodeStore,
  MerkleLog,
  verifyConsistency,
  verifyInclusion,
  type EventStore,
  type StoredEvent,
  type TreeHash,
} from '@coachline/eventstore';
import { collect, someEvents } from '@coachline/eventstore/testing';
import { openEsdbEventStore, type EsdbEventStore } from '../esdb-event-store';
import { startInProcessEsdb, type InProcessEsdb } from '../testing';
import { chunkData, sealChunk, type TreeChunk } from './tree-chunk';
import { EsdbTreeSealer, sealedLeafOf } from './tree-sealer';
import { chunkEvent, readForwards, TREE_CHUNKS_STREAM, chunkOfEvent } from './tree-streams';

const LEAVES = 4;

let server: InProcessEsdb;
const opened: EsdbEventStore[] = [];
const clients: EventStoreDBClient[] = [];

const openStore = (): EsdbEventStore => {
  const store = openEsdbEventStore(server.connectionString);
  opened.push(store);
  return store;
};

const rawClient = (): EventStoreDBClient => {
  const client = EventStoreDBClient.connectionString(server.connectionString);
  clients.push(client);
  return client;
};

beforeEach(async () => {
  server = await startInProcessEsdb();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await server.stop();
});

/** Appends `count` events over a few streams, a few at a time. */
const appendEvents = async (store: EventStore, count: number, prefix = 'provider'): Promise<void> => {
  for (let written = 0; written < count; written += 3) {
    await store.append(`${prefix}-${written % 2}`, someEvents(Math.min(3, count - written)), 'any');
  }
};

const leavesOf = (events: readonly StoredEvent[]): TreeHash[] =>
  events.map((event) => eventLeafHash(canonicalContent(event)));

/** The root of these leaves by the Merkle core, the reference the tree on EventStoreDB must match. */
const referenceRoot = async (leaves: readonly TreeHash[]): Promise<string> => {
  const log = MerkleLog.empty(new InMemoryMerkleNodeStore());
  await log.append(leaves);
  return Buffer.from(log.root()).toString('hex');
};

const hex = (hash: TreeHash): string => Buffer.from(hash).toString('hex');

const rightOf = <A>(either: E.Either<string, A>): A => {
  if (E.isLeft(either)) throw new Error(either.left);
  return either.right;
};

const sealedChunks = async (client: EventStoreDBClient): Promise<TreeChunk[]> =>
  (await collect(readForwards(client, TREE_CHUNKS_STREAM, 0))).map(chunkOfEvent);

describe('the tree on EventStoreDB, sealed in chunks', () => {
  it.each([0, 1, LEAVES - 1, LEAVES, LEAVES + 1, 2 * LEAVES, 2 * LEAVES + 3])(
    'gives the head, every proof and every leaf index of %i events, whether a writer sealed them or a reader recomputes them',
    async (count) => {
      const writer = openStore();
      const sealer = await writer.startTreeSealer({ chunkLeaves: LEAVES });
      await appendEvents(writer, count);
      await sealer.caughtUp();
      const events = await collect(writer.readAll());
      const leaves = leavesOf(events);
      expect(sealer.sealedChunks).toBe(Math.floor(count / LEAVES));
      expect((await sealedChunks(rawClient())).map((chunk) => chunk.number)).toEqual(
        Array.from({ length: Math.floor(count / LEAVES) }, (_, number) => number),
      );

      for (const log of [writer.verifiableLog(), openStore().verifiableLog()]) {
        const head = await log.treeHead();
        expect(head.size).toBe(count);
        expect(hex(head.root)).toBe(await referenceRoot(leaves));
        for (const [index, event] of events.entries()) expect(await log.leafIndexOf(event.id)).toBe(index);
        for (let size = 1; size <= count; size++) {
          const root = rightOf(await log.rootAt(size));
          expect(hex(root)).toBe(await referenceRoot(leaves.slice(0, size)));
          for (let index = 0; index < size; index++) {
            const proof = rightOf(await log.inclusionProof(index, size));
            expect(verifyInclusion(index, size, leaves[index]!, proof, root)).toEqual(E.right(true));
          }
          const consistency = rightOf(await log.consistencyProof(size, count));
          expect(verifyConsistency(size, count, root, head.root, consistency)).toEqual(E.right(true));
        }
        expect(E.isLeft(await log.rootAt(count + 1))).toBe(true);
      }
      expect(await writer.compareTreeWithAll()).toMatchObject({ kind: 'intact', size: count });
    },
  );

  it('keeps the tree and its proofs as events arrive after a reader last looked', async () => {
    const writer = openStore();
    const sealer = await writer.startTreeSealer({ chunkLeaves: LEAVES });
    const reader = openStore().verifiableLog();
    await appendEvents(writer, 3);
    const before = await reader.treeHead();
    await appendEvents(writer, 3 * LEAVES);
    await sealer.caughtUp();
    const after = await reader.treeHead();
    expect(after.size).toBe(before.size + 3 * LEAVES);
    expect(hex(after.root)).toBe(await referenceRoot(leavesOf(await collect(writer.readAll()))));
    const proof = rightOf(await reader.consistencyProof(before.size, after.size));
    expect(verifyConsistency(before.size, after.size, before.root, after.root, proof)).toEqual(E.right(true));
  });

  it('resumes after a restart from the last chunk sealed, not from the beginning of $all', async () => {
    const first = openStore();
    const sealer = await first.startTreeSealer({ chunkLeaves: LEAVES });
    await appendEvents(first, 2 * LEAVES + 1);
    await sealer.caughtUp();
    await first.close();
    const [, lastSealed] = (await sealedChunks(rawClient())) as [TreeChunk, TreeChunk];

    const second = openStore();
    const subscribedAfter: number[] = [];
    const watched = new Proxy(second, {
      get: (target, name, receiver) =>
        name === 'subscribe'
          ? (after: number, ...rest: Parameters<EventStore['subscribe']> extends [number, ...infer R] ? R : never) => {
              subscribedAfter.push(after);
              return target.subscribe(after, ...rest);
            }
          : Reflect.get(target, name, receiver),
    });
    const resumed = await EsdbTreeSealer.start(rawClient(), watched, { chunkLeaves: 64 });
    try {
      expect(subscribedAfter).toEqual([lastSealed.lastPosition]);
      expect(resumed.chunkLeaves).toBe(LEAVES);
      await appendEvents(second, LEAVES);
      await resumed.caughtUp();
      expect(resumed.sealedChunks).toBe(3);
      expect(await second.compareTreeWithAll()).toMatchObject({ kind: 'intact', chunks: 3, size: 3 * LEAVES + 1 });
    } finally {
      await resumed.stop();
    }
  });

  it('writes one tree when two sealers race: each chunk once, the one $all gives', async () => {
    const [one, other] = [openStore(), openStore()];
    const sealers = await Promise.all([
      one.startTreeSealer({ chunkLeaves: LEAVES }),
      other.startTreeSealer({ chunkLeaves: LEAVES }),
    ]);
    await Promise.all([appendEvents(one, 5 * LEAVES, 'coach'), appendEvents(other, 5 * LEAVES + 2, 'provider')]);
    await Promise.all(sealers.map((sealer) => sealer.caughtUp()));
    expect(sealers.map((sealer) => sealer.sealedChunks)).toEqual([10, 10]);
    const chunks = await sealedChunks(rawClient());
    expect(chunks.map((chunk) => chunk.number)).toEqual(Array.from({ length: 10 }, (_, number) => number));
    expect(await one.compareTreeWithAll()).toMatchObject({ kind: 'intact', chunks: 10, size: 10 * LEAVES + 2 });
  });

  it('stops sealing, and says why, when another writer sealed a chunk other than the one $all gives', async () => {
    const writer = openStore();
    const failures: unknown[] = [];
    const sealer = await writer.startTreeSealer({ chunkLeaves: LEAVES, onError: (error) => failures.push(error) });
    const fabricated = Array.from({ length: LEAVES }, (_, at) => ({
      hash: Buffer.alloc(32, at),
      esdbId: '00000000-0000-4000-8000-00000000000' + String(at),
      position: at + 1,
    }));
    await rawClient().appendToStream(
      TREE_CHUNKS_STREAM,
      [chunkEvent(chunkData(sealChunk(0, fabricated, EMPTY_RANGE).chunk))],
      { expectedRevision: NO_STREAM },
    );
    await appendEvents(writer, LEAVES);
    await expect(sealer.caughtUp()).rejects.toThrow(/Chunk 0 .* differs from the tree of \$all/);
    expect(failures).toHaveLength(1);
    expect(await writer.compareTreeWithAll()).toEqual({
      kind: 'altered',
      chunk: 0,
      reason: expect.stringMatching(/ends at position/),
    });
  });

  it('goes on after a forged last chunk when restarted, and the comparison with $all still finds it', async () => {
    const writer = openStore();
    await appendEvents(writer, LEAVES);
    const events = await collect(writer.readAll());
    const forged = sealChunk(0, events.map(sealedLeafOf).reverse(), EMPTY_RANGE).chunk;
    await rawClient().appendToStream(TREE_CHUNKS_STREAM, [chunkEvent(chunkData(forged))], {
      expectedRevision: NO_STREAM,
    });
    const sealer = await writer.startTreeSealer({ chunkLeaves: LEAVES });
    await appendEvents(writer, LEAVES);
    await sealer.caughtUp();
    expect(sealer.sealedChunks).toBe(2);
    expect(await writer.compareTreeWithAll()).toEqual({
      kind: 'altered',
      chunk: 0,
      reason: expect.stringMatching(/ends at position|names another event/),
    });
  });
});

describe('a sealed chunk altered on the server', () => {
  /** Events and an honest tree, then chunk 1 written by someone else, as `alter` makes it. */
  const withAlteredChunk = async (alter: (chunk: TreeChunk) => object) => {
    const writer = openStore();
    await appendEvents(writer, 3 * LEAVES - 1);
    const events = await collect(writer.readAll());
    const leaves = events.map(sealedLeafOf);
    const zero = sealChunk(0, leaves.slice(0, LEAVES), EMPTY_RANGE);
    const one = sealChunk(1, leaves.slice(LEAVES, 2 * LEAVES), zero.range);
    await rawClient().appendToStream(
      TREE_CHUNKS_STREAM,
      [chunkEvent(chunkData(zero.chunk)), { ...chunkEvent(chunkData(one.chunk)), data: alter(one.chunk) as JSONType }],
      { expectedRevision: NO_STREAM },
    );
    return { writer, events };
  };

  it('is found by comparing with the tree recomputed from $all when a node hash was changed', async () => {
    const { writer, events } = await withAlteredChunk((chunk) => {
      const nodes = chunk.nodes.map((node, at) => (at === 2 ? { ...node, hash: Buffer.alloc(32, 7) } : node));
      return chunkData({ ...chunk, nodes });
    });
    expect(await writer.compareTreeWithAll()).toEqual({ kind: 'altered', chunk: 1, reason: 'node 1/2 differs' });

    // What it breaks: the proof read from the altered chunk fails for an honest event.
    const log = openStore().verifiableLog();
    const head = await log.treeHead();
    const index = 7;
    const proof = rightOf(await log.inclusionProof(index, head.size));
    const leaf = eventLeafHash(canonicalContent(events[index]!));
    expect(E.isLeft(verifyInclusion(index, head.size, leaf, proof, head.root))).toBe(true);
  });

  it('is found when its right edge, its ids or its last position were changed, or it no longer decodes', async () => {
    const cases: [string, (chunk: TreeChunk) => object, RegExp][] = [
      [
        'peaks',
        (chunk) => chunkData({ ...chunk, peaks: [{ ...chunk.peaks[0]!, hash: Buffer.alloc(32) }] }),
        /right edge/,
      ],
      ['ids', (chunk) => chunkData({ ...chunk, esdbIds: [...chunk.esdbIds].reverse() }), /names another event/],
      ['position', (chunk) => chunkData({ ...chunk, lastPosition: chunk.lastPosition + 1 }), /ends at position/],
      ['shape', (chunk) => ({ ...chunkData(chunk), nodes: 'AAAA' }), /nodes should be/],
      ['types', (chunk) => ({ ...chunkData(chunk), lastPosition: '12' }), /wrong: lastPosition/],
    ];
    for (const [what, alter, reason] of cases) {
      const { writer } = await withAlteredChunk(alter);
      const check = await writer.compareTreeWithAll();
      expect({ what, check }).toEqual({
        what,
        check: { kind: 'altered', chunk: 1, reason: expect.stringMatching(reason) },
      });
      await server.stop();
      server = await startInProcessEsdb();
    }
  });
});

describe('a sealer after a fault', () => {
  it('starts again from the last chunk sealed and seals on, having said what went wrong', async () => {
    const writer = openStore();
    let faults = 1;
    const flaky = new Proxy(writer, {
      get: (target, name, receiver) =>
        name === 'subscribe'
          ? (after: number, handler: (event: StoredEvent) => Promise<void>, options: object) =>
              target.subscribe(
                after,
                async (event) => {
                  if (faults-- > 0) throw new Error('connection lost');
                  await handler(event);
                },
                options,
              )
          : Reflect.get(target, name, receiver),
    });
    const errors: unknown[] = [];
    const sealer = await EsdbTreeSealer.start(rawClient(), flaky, {
      chunkLeaves: LEAVES,
      retryAfterMs: 1,
      onError: (error) => errors.push(error),
    });
    try {
      await appendEvents(writer, 2 * LEAVES + 1);
      // A wait that began before the restart is refused with the fault; one after it resolves.
      let caughtUp = false;
      for (let attempt = 0; !caughtUp && attempt < 100; attempt++) {
        caughtUp = await sealer.caughtUp().then(
          () => true,
          () => false,
        );
      }
      expect(caughtUp).toBe(true);
      expect(errors).toEqual([new Error('connection lost')]);
      expect(sealer.sealedChunks).toBe(2);
      expect(await writer.compareTreeWithAll()).toMatchObject({ kind: 'intact', chunks: 2, size: 2 * LEAVES + 1 });
    } finally {
      await sealer.stop();
    }
  });
});
