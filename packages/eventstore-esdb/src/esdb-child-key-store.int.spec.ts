/**
 * The key store on EventStoreDB over the real client and gRPC protocol, against the in-process
 * server: the shared key store contract, then what only this adapter has to show (the key's
 * streams out of Coachline's reads, the key stream tombstoned on erasure).
 */
import { EventStoreDBClient, StreamDeletedError, jsonEvent, type ResolvedEvent } from '@eventstore/db-client';
import { childKeyStoreContract, collect } from '@coachline/eventstore/testing';
import { childErasureStream, childKeyIdStream, childKeyStream } from './esdb-child-key-store';
import { openEsdbEventStore } from './esdb-event-store';
import { startInProcessEsdb, type InProcessEsdb } from './testing';

let server: InProcessEsdb;

beforeAll(async () => {
  server = await startInProcessEsdb();
});

afterAll(async () => {
  await server.stop();
});

childKeyStoreContract('EventStoreDB on the in-process server', async () => ({
  open: async () => {
    const store = openEsdbEventStore(server.connectionString);
    return { keys: store.childKeys(), close: () => store.close() };
  },
  // The server lives as long as the file: each test writes under child refs of its own.
  dispose: async () => undefined,
}));

describe('EsdbChildKeyStore streams', () => {
  let client: EventStoreDBClient;
  const readRaw = (stream: string) => collect<ResolvedEvent>(client.readStream(stream));

  beforeAll(() => {
    client = EventStoreDBClient.connectionString(server.connectionString);
  });

  afterAll(async () => {
    await client.dispose();
  });

  it('keeps keys and erasures out of Coachline’s reads of $all and its head position', async () => {
    const store = openEsdbEventStore(server.connectionString);
    try {
      const headBefore = await store.headPosition();
      const key = await store.childKeys().keyFor('child-out-of-sight');
      if (key === 'erased') throw new Error('nothing was erased');
      await store.childKeys().erase('child-erased-out-of-sight', '2026-01-10');
      expect(await readRaw(childKeyStream('child-out-of-sight'))).toHaveLength(1);
      const streams = (await collect(store.readAll())).map((event) => event.stream);
      expect(streams.filter((stream) => stream.includes('child'))).toEqual([]);
      expect(await store.headPosition()).toBe(headBefore);
    } finally {
      await store.close();
    }
  });

  it('records the erasure, then tombstones the key stream and its index for good', async () => {
    const store = openEsdbEventStore(server.connectionString);
    try {
      const keys = store.childKeys();
      const key = await keys.keyFor('child-tombstoned');
      if (key === 'erased') throw new Error('nothing was erased');
      await keys.erase('child-tombstoned', '2026-01-10');
      await keys.erase('child-tombstoned', '2026-03-01');
      await expect(readRaw(childKeyStream('child-tombstoned'))).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(readRaw(childKeyIdStream(key.keyId))).rejects.toBeInstanceOf(StreamDeletedError);
      const erasures = await readRaw(childErasureStream('child-tombstoned'));
      expect(erasures.map((resolved) => resolved.event?.data)).toEqual([{ childRef: 'child-tombstoned', erasedOn: '2026-01-10' }]);
    } finally {
      await store.close();
    }
  });

  it('treats a child whose erasure is on record as erased even while its key stream survives (a crash between the two)', async () => {
    const store = openEsdbEventStore(server.connectionString);
    try {
      const keys = store.childKeys();
      const key = await keys.keyFor('child-half-erased');
      if (key === 'erased') throw new Error('nothing was erased');
      await client.appendToStream(
        childErasureStream('child-half-erased'),
        jsonEvent({ type: 'ChildDataErasureRecorded', data: { childRef: 'child-half-erased', erasedOn: '2026-01-10' } }),
      );
      expect(await keys.isErased('child-half-erased')).toBe(true);
      expect(await keys.keyFor('child-half-erased')).toBe('erased');
      expect(await keys.find(key.keyId)).toBeUndefined();
      expect(await readRaw(childKeyStream('child-half-erased'))).toHaveLength(1);
      // The start-up sweep finishes such an erasure; until then the key is still there to destroy.
      await keys.erase('child-half-erased', '2026-01-11');
      await expect(readRaw(childKeyStream('child-half-erased'))).rejects.toBeInstanceOf(StreamDeletedError);
    } finally {
      await store.close();
    }
  });
});
