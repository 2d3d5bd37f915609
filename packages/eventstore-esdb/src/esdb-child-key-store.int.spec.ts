/**
 * The key store on EventStoreDB over the real client and gRPC protocol, against the in-process
 * server: the shared key store contract (a server of its own per test, as a store of its own),
 * then what only this adapter has to show (the key's streams out of Coachline's reads, tombstoned
 * on erasure, a key written while a rotation begins, the raw streams of a store from before
 * wrapping tombstoned once wrapped).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDBClient, StreamDeletedError, jsonEvent, type ResolvedEvent } from '@eventstore/db-client';
import {
  KEY_FILE_NAME,
  keyEncryptionKeyFile,
  openChildKeyStore,
  type ChildKey,
  type WrappedChildKey,
} from '@coachline/eventstore';
import { childKeyStoreContract, collect } from '@coachline/eventstore/testing';
import {
  CHILD_KEYS_WRAPPING_STREAM,
  childErasureStream,
  childKeyIdStream,
  EsdbChildKeyVault,
  rawKeyIdStream,
  rawKeyStream,
  wrappedKeyStream,
} from './esdb-child-key-store';
import { openEsdbEventStore } from './esdb-event-store';
import { startInProcessEsdb, type InProcessEsdb } from './testing';

/** Keys as a store from before wrapping wrote them: a raw key stream and its index. */
const writeRawKey = async (connectionString: string, childRef: string, key: ChildKey): Promise<void> => {
  const client = EventStoreDBClient.connectionString(connectionString);
  try {
    await client.appendToStream(rawKeyIdStream(key.keyId), jsonEvent({ type: 'ChildKeyIndexed', data: { childRef } }));
    await client.appendToStream(
      rawKeyStream(childRef),
      jsonEvent({ type: 'ChildKeyCreated', data: { keyId: key.keyId, key: Buffer.from(key.key).toString('base64') } }),
    );
  } finally {
    await client.dispose();
  }
};

childKeyStoreContract(
  'EventStoreDB on the in-process server',
  async () => {
    const server = await startInProcessEsdb();
    return {
      openVault: async () => {
        const store = openEsdbEventStore(server.connectionString);
        return { vault: store.childKeyVault(), close: () => store.close() };
      },
      writeRawKey: (childRef, key) => writeRawKey(server.connectionString, childRef, key),
      dispose: () => server.stop(),
    };
  },
  { rawKeys: true },
);

describe('EsdbChildKeyVault streams', () => {
  let server: InProcessEsdb;
  let client: EventStoreDBClient;
  let folder: string;
  const readRaw = (stream: string) => collect<ResolvedEvent>(client.readStream(stream));
  const openKeys = async (store: ReturnType<typeof openEsdbEventStore>) =>
    openChildKeyStore(store.childKeyVault(), keyEncryptionKeyFile(join(folder, 'keys', KEY_FILE_NAME)));

  beforeAll(async () => {
    server = await startInProcessEsdb();
    client = EventStoreDBClient.connectionString(server.connectionString);
    folder = await mkdtemp(join(tmpdir(), 'coachline-kek-'));
  });

  afterAll(async () => {
    await client.dispose();
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps keys and erasures out of Coachline’s reads of $all and its head position', async () => {
    const store = openEsdbEventStore(server.connectionString);
    try {
      const headBefore = await store.headPosition();
      const keys = await openKeys(store);
      const key = await keys.keyFor('child-out-of-sight');
      if (key === 'erased') throw new Error('nothing was erased');
      await keys.erase('child-erased-out-of-sight', '2026-01-10');
      expect(await readRaw(wrappedKeyStream('child-out-of-sight'))).toHaveLength(1);
      const streams = (await collect(store.readAll())).map((event) => event.stream);
      expect(streams.filter((stream) => stream.includes('child'))).toEqual([]);
      expect(await store.headPosition()).toBe(headBefore);
    } finally {
      await store.close();
    }
  });

  it('records the erasure, then tombstones the key stream and its index for good, and never the raw key', async () => {
    const store = openEsdbEventStore(server.connectionString);
    try {
      const keys = await openKeys(store);
      const key = await keys.keyFor('child-tombstoned');
      if (key === 'erased') throw new Error('nothing was erased');
      const [written] = await readRaw(wrappedKeyStream('child-tombstoned'));
      expect(JSON.stringify(written?.event?.data)).not.toContain(Buffer.from(key.key).toString('base64'));
      await keys.erase('child-tombstoned', '2026-01-10');
      await keys.erase('child-tombstoned', '2026-03-01');
      await expect(readRaw(wrappedKeyStream('child-tombstoned'))).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(readRaw(childKeyIdStream(key.keyId))).rejects.toBeInstanceOf(StreamDeletedError);
      const erasures = await readRaw(childErasureStream('child-tombstoned'));
      expect(erasures.map((resolved) => resolved.event?.data)).toEqual([
        { childRef: 'child-tombstoned', erasedOn: '2026-01-10' },
      ]);
    } finally {
      await store.close();
    }
  });

  it('treats a child whose erasure is on record as erased even while its key stream survives (a crash between the two)', async () => {
    const store = openEsdbEventStore(server.connectionString);
    try {
      const keys = await openKeys(store);
      const key = await keys.keyFor('child-half-erased');
      if (key === 'erased') throw new Error('nothing was erased');
      await client.appendToStream(
        childErasureStream('child-half-erased'),
        jsonEvent({
          type: 'ChildDataErasureRecorded',
          data: { childRef: 'child-half-erased', erasedOn: '2026-01-10' },
        }),
      );
      expect(await keys.isErased('child-half-erased')).toBe(true);
      expect(await keys.keyFor('child-half-erased')).toBe('erased');
      expect(await keys.find(key.keyId)).toBeUndefined();
      expect(await readRaw(wrappedKeyStream('child-half-erased'))).toHaveLength(1);
      // The start-up sweep finishes such an erasure; until then the key is still there to destroy.
      await keys.erase('child-half-erased', '2026-01-11');
      await expect(readRaw(wrappedKeyStream('child-half-erased'))).rejects.toBeInstanceOf(StreamDeletedError);
    } finally {
      await store.close();
    }
  });

  it('moves a key written while a rotation begins onto the rotation’s generation', async () => {
    const store = openEsdbEventStore(server.connectionString);
    try {
      await openKeys(store);
      const vault = new EsdbChildKeyVault(client);
      const { generation } = await vault.state();
      const asked: number[] = [];
      const created = await vault.create('child-racing', randomUUID(), async (at) => {
        asked.push(at);
        // Another process begins a rotation between this key's wrapping and its writing.
        if (asked.length === 1) {
          await client.appendToStream(
            CHILD_KEYS_WRAPPING_STREAM,
            jsonEvent({ type: 'ChildKeysRotating', data: { from: generation, to: generation + 1 } }),
          );
        }
        return randomBytes(64);
      });
      expect(asked).toEqual([generation, generation + 1]);
      expect((created as WrappedChildKey).generation).toBe(generation + 1);
      expect(((await vault.byChild('child-racing')) as WrappedChildKey).generation).toBe(generation + 1);
    } finally {
      await store.close();
    }
  });
});

describe('EsdbChildKeyVault on a store from before wrapping', () => {
  let server: InProcessEsdb;
  let folder: string;
  beforeAll(async () => {
    server = await startInProcessEsdb();
    folder = await mkdtemp(join(tmpdir(), 'coachline-kek-'));
  });
  afterAll(async () => {
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('wraps each raw key at the first opening and tombstones its raw streams, so a scavenge can remove them', async () => {
    const raw: ChildKey = { keyId: randomUUID(), key: randomBytes(32) };
    await writeRawKey(server.connectionString, 'child-legacy', raw);
    const store = openEsdbEventStore(server.connectionString);
    const client = EventStoreDBClient.connectionString(server.connectionString);
    try {
      const keys = await openChildKeyStore(
        store.childKeyVault(),
        keyEncryptionKeyFile(join(folder, 'keys', KEY_FILE_NAME)),
      );
      expect(await keys.keyFor('child-legacy')).toEqual({ keyId: raw.keyId, key: Buffer.from(raw.key) });
      expect(await keys.find(raw.keyId)).toEqual({ keyId: raw.keyId, key: Buffer.from(raw.key) });
      await expect(collect(client.readStream(rawKeyStream('child-legacy')))).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(collect(client.readStream(rawKeyIdStream(raw.keyId)))).rejects.toBeInstanceOf(StreamDeletedError);
    } finally {
      await client.dispose();
      await store.close();
    }
  });
});
