/**
 * An EventStoreDB engine as store-opener hands it: with its tree and checkpoints, sealed by a
 * writer process and read, never sealed, by a process that asks for no sealer.
 */
import { randomUUID } from 'node:crypto';
import type { StoreEngine } from '@coachline/eventstore';
import type { EsdbEventStore } from '@coachline/eventstore-esdb';
import { startInProcessEsdb, type InProcessEsdb } from '@coachline/eventstore-esdb/testing';
import { openStoreEngine } from './open-store';
import { compareSealedTree } from './sealed-tree-check';

const DEFAULT_CHUNK_LEAVES = 1024;
/** Each test writes more than a whole default chunk of events. */
const CHUNK_TEST_MS = 30_000;

const events = (count: number) =>
  Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type: 'SessionLogged',
    schemaVersion: 1,
    data: { n },
    metadata: {
      actor: { id: 'c-03', role: 'coach' },
      recordedAt: '2026-01-05T09:00:00.000Z',
      commandId: randomUUID(),
      correlationId: randomUUID(),
    },
  }));

const esdbEvents = (engine: StoreEngine): EsdbEventStore => engine.events as EsdbEventStore;

describe('opening an EventStoreDB engine', () => {
  let server: InProcessEsdb;
  const engines: StoreEngine[] = [];

  beforeEach(async () => {
    server = await startInProcessEsdb();
  });

  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.events.close()));
    await server.stop();
  });

  const open = async (options: { sealTree?: boolean } = {}): Promise<StoreEngine> => {
    const engine = await openStoreEngine({ kind: 'esdb', address: server.connectionString }, options);
    engines.push(engine);
    return engine;
  };

  it(
    'hands a writer its tree and checkpoints, and seals the tree in chunks as events arrive',
    async () => {
      const writer = await open();
      expect(esdbEvents(writer).sealsTree).toBe(true);
      for (let batch = 0; batch < 11; batch++)
        await writer.events.append(`provider-${batch}`, events(100), 'no-stream');
      await esdbEvents(writer).treeSealed();
      expect(await esdbEvents(writer).compareTreeWithAll()).toMatchObject({ kind: 'intact', chunks: 1, size: 1100 });
      expect((await writer.verifiableLog!.treeHead()).size).toBe(1100);
      expect(await writer.signedCheckpoints!.latest()).toBeUndefined();
    },
    CHUNK_TEST_MS,
  );

  it(
    'lets a reader that asks for no sealer read the whole tree, sealed chunks and tail, without sealing',
    async () => {
      const writer = await open();
      await writer.events.append('provider-1', events(DEFAULT_CHUNK_LEAVES + 3), 'no-stream');
      await esdbEvents(writer).treeSealed();
      await writer.events.close();
      engines.splice(engines.indexOf(writer), 1);

      const reader = await open({ sealTree: false });
      expect(esdbEvents(reader).sealsTree).toBe(false);
      await reader.events.append('provider-2', events(DEFAULT_CHUNK_LEAVES), 'no-stream');
      const all: string[] = [];
      for await (const event of reader.events.readAll()) all.push(event.id);
      expect((await reader.verifiableLog!.treeHead()).size).toBe(2 * DEFAULT_CHUNK_LEAVES + 3);
      expect(await reader.verifiableLog!.leafIndexOf(all[5]!)).toBe(5);
      expect(await reader.verifiableLog!.leafIndexOf(all.at(-1)!)).toBe(all.length - 1);
      expect(await compareSealedTree(reader)).toMatchObject({ kind: 'intact', chunks: 1 });
    },
    CHUNK_TEST_MS,
  );

  it('has no sealed chunks to compare on an engine that writes its tree with its events', async () => {
    const memory = await openStoreEngine({ kind: 'memory', address: 'memory:' });
    expect(await compareSealedTree(memory)).toBeUndefined();
  });
});
