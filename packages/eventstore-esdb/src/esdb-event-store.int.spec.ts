/**
 * What the adapter does that is particular to EventStoreDB, seen from both ends: through the
 * adapter, and through the raw client on the same in-process server (real client, real gRPC).
 */
import { randomUUID } from 'node:crypto';
import { BACKWARDS, END, EventStoreDBClient, jsonEvent, type AllStreamResolvedEvent } from '@eventstore/db-client';
import { isRevisionConflict, type EventToAppend, type StoredEvent } from '@coachline/eventstore';
import { COACHLINE_EVENT_ID_NAMESPACE } from './event-id';
import { nameBasedUuid } from './event-id';
import { openEsdbEventStore, type EsdbEventStore } from './esdb-event-store';
import { startInProcessEsdb, type InProcessEsdb } from './testing';

const metadata = () => ({
  actor: { id: 'c-03', role: 'coach' },
  recordedAt: '2025-09-16T18:02:11.000Z',
  commandId: randomUUID(),
  correlationId: randomUUID(),
});

const anEvent = (overrides: Partial<EventToAppend> = {}): EventToAppend => ({
  id: randomUUID(),
  type: 'SessionLogged',
  schemaVersion: 1,
  data: { durationMinutes: 45 },
  metadata: metadata(),
  ...overrides,
});

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

const rawEvents = async (client: EventStoreDBClient, stream: string) =>
  (await collect(client.readStream(stream))).map((resolved) => resolved.event!);

describe('EventStoreDB adapter on the in-process server', () => {
  let server: InProcessEsdb;
  let store: EsdbEventStore;
  let client: EventStoreDBClient;
  const stream = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    server = await startInProcessEsdb();
    store = openEsdbEventStore(server.connectionString);
    client = EventStoreDBClient.connectionString(server.connectionString);
  });

  afterAll(async () => {
    await store.close();
    await client.dispose();
    await server.stop();
  });

  it('writes an ESDB event per Coachline event: same stream, type, id and JSON data, the rest in JSON metadata', async () => {
    const name = stream('provider-p-017');
    const event = anEvent({ schemaVersion: 3, metadata: { ...metadata(), causationId: 'cmd-7' } });
    await store.append(name, [event], 'no-stream');

    const [raw] = await rawEvents(client, name);
    expect(raw).toMatchObject({ streamId: name, id: event.id, type: 'SessionLogged', isJson: true, revision: 0n });
    expect(raw!.data).toEqual(event.data);
    expect(raw!.metadata).toEqual({
      schemaVersion: 3,
      metadata: event.metadata,
      $correlationId: event.metadata.correlationId,
      $causationId: 'cmd-7',
    });
  });

  it('gives ids that are not UUIDs a name-based UUID and reads the original id back', async () => {
    const name = stream('coach-c-1');
    const event = anEvent({ id: 'evt-0001' });
    await store.append(name, [event], 'no-stream');

    const [raw] = await rawEvents(client, name);
    expect(raw!.id).toBe(nameBasedUuid('evt-0001', COACHLINE_EVENT_ID_NAMESPACE));
    expect(raw!.metadata).toMatchObject({ eventId: 'evt-0001' });
    const [read] = await collect(store.readStream(name));
    expect(read!.id).toBe('evt-0001');
  });

  it('takes the commit position as the position, and reads $all after it from that event on', async () => {
    const name = stream('provider-p-2');
    const result = await store.append(name, [anEvent(), anEvent(), anEvent()], 'no-stream');
    const raw = await rawEvents(client, name);
    const read = await collect(store.readStream(name));

    expect(read.map((event) => event.position)).toEqual(raw.map((event) => Number(event.position!.commit)));
    expect(result.lastPosition).toBe(read[2]!.position);
    // Byte offsets in the log: increasing, not contiguous.
    expect(read[1]!.position - read[0]!.position).toBeGreaterThan(1);
    const after = (await collect(store.readAll({ after: read[0]!.position }))).filter((event) => event.stream === name);
    expect(after.map((event) => event.id)).toEqual([read[1]!.id, read[2]!.id]);
  });

  it('never delivers the server’s own events, and the head is the last Coachline event', async () => {
    const name = stream('provider-p-3');
    const appended = await store.append(name, [anEvent()], 'no-stream');
    server.writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
    server.writeSystemEvent('$settings', '$settings');

    const [lastInAll] = await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }));
    expect((lastInAll as AllStreamResolvedEvent).event!.streamId).toBe('$settings');
    expect(await store.headPosition()).toBe(appended.lastPosition);
    const everything = await collect(store.readAll({ batchSize: 2 }));
    expect(everything.some((event) => event.stream.startsWith('$') || event.type.startsWith('$'))).toBe(false);
    expect(everything.at(-1)!.position).toBe(appended.lastPosition);
  });

  it('turns the server’s WrongExpectedVersion into a RevisionConflictError naming the actual revision', async () => {
    const name = stream('provider-p-4');
    await store.append(name, [anEvent(), anEvent()], 'no-stream');
    const outcome = await store.append(name, [anEvent()], 0).catch((error: unknown) => error);

    expect(isRevisionConflict(outcome)).toBe(true);
    expect(outcome).toMatchObject({ stream: name, expected: 0, actual: 1 });
  });

  it('writes a retried append once: the same event ids at the same revision are EventStoreDB’s idempotent write', async () => {
    const name = stream('provider-p-5');
    const batch = [anEvent(), anEvent()];
    const first = await store.append(name, batch, 'no-stream');
    const retried = await store.append(name, batch, 'no-stream');

    expect(retried).toEqual(first);
    expect((await collect(store.readStream(name))).map((event) => event.id)).toEqual(batch.map((event) => event.id));
  });

  it('delivers catch-up then live events to a subscription, skipping system events', async () => {
    const name = stream('provider-p-6');
    const head = await store.headPosition();
    await store.append(name, [anEvent()], 'no-stream');
    server.writeSystemEvent('$users', '$UserCreated');
    const received: StoredEvent[] = [];
    let liveArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (liveArrived = resolve));
    const subscription = store.subscribe(head, (event) => {
      received.push(event);
      if (received.length === 2) liveArrived();
    });
    try {
      await subscription.caughtUp;
      expect(received.map((event) => event.revision)).toEqual([0]);
      await store.append(name, [anEvent()], 0);
      await arrived;
      expect(received.map((event) => [event.stream, event.revision])).toEqual([
        [name, 0],
        [name, 1],
      ]);
    } finally {
      await subscription.stop();
    }
  });
});

describe('EventStoreDB adapter, each test on a server of its own', () => {
  it('refuses to read events Coachline did not write, naming them', async () => {
    const server = await startInProcessEsdb();
    const store = openEsdbEventStore(server.connectionString);
    const client = EventStoreDBClient.connectionString(server.connectionString);
    try {
      await client.appendToStream('legacy-import', jsonEvent({ type: 'LegacyRow', data: { row: 1 } }));
      await expect(collect(store.readStream('legacy-import'))).rejects.toThrow(
        'legacy-import@0 was not written by Coachline',
      );
      await expect(collect(store.readAll())).rejects.toThrow('was not written by Coachline');
    } finally {
      await client.dispose();
      await store.close();
      await server.stop();
    }
  });

  it('resolves caughtUp without the server’s caught-up message (before 23.10), filtered or not', async () => {
    const server = await startInProcessEsdb({ generation: { caughtUpMessages: false } });
    const store = openEsdbEventStore(server.connectionString);
    try {
      const sessions = [anEvent(), anEvent()];
      // The history ends on events the filtered subscription does not deliver.
      await store.append('provider-p-1', [...sessions, anEvent({ type: 'FeedbackSent' })], 'no-stream');
      server.writeSystemEvent('$settings', '$settings');
      const everything: string[] = [];
      const sessionsOnly: string[] = [];
      const all = store.subscribe(0, (event) => {
        everything.push(event.id);
      });
      const filtered = store.subscribe(
        0,
        (event) => {
          sessionsOnly.push(event.id);
        },
        { types: ['SessionLogged'] },
      );
      await Promise.all([all.caughtUp, filtered.caughtUp]);
      await Promise.all([all.stop(), filtered.stop()]);
      expect(everything).toHaveLength(3);
      expect(sessionsOnly).toEqual(sessions.map((event) => event.id));
    } finally {
      await store.close();
      await server.stop();
    }
  });

  it('closes even when reads were left before their end', async () => {
    const server = await startInProcessEsdb();
    const store = openEsdbEventStore(server.connectionString);
    try {
      // Short reads: the server has sent everything, end included, before the loop leaves.
      await store.append('provider-p-1', [anEvent(), anEvent(), anEvent()], 'no-stream');
      for await (const event of store.readStream('provider-p-1')) {
        expect(event.revision).toBe(0);
        break;
      }
      for await (const event of store.readAll({ batchSize: 100 })) {
        expect(event.revision).toBe(0);
        break;
      }
    } finally {
      // The client's dispose() waits for every call it started; a paused one would hang it.
      await store.close();
      await server.stop();
    }
  });

  it('explains that stream reads need a server reporting positions (22.6 and later)', async () => {
    const server = await startInProcessEsdb({ generation: { streamReadPositions: false } });
    const store = openEsdbEventStore(server.connectionString);
    try {
      await store.append('provider-p-1', [anEvent()], 'no-stream');
      await expect(collect(store.readStream('provider-p-1'))).rejects.toThrow(/22\.6 or later/);
    } finally {
      await store.close();
      await server.stop();
    }
  });

  it('refuses an append over the server’s MaxAppendSize and writes nothing', async () => {
    const server = await startInProcessEsdb({ maxAppendSize: 1_024 });
    const store = openEsdbEventStore(server.connectionString);
    try {
      const large = anEvent({ data: { notes: 'x'.repeat(2_000) } });
      await expect(store.append('provider-p-1', [large], 'no-stream')).rejects.toMatchObject({
        type: 'maximum-append-size-exceeded',
        maxAppendSize: 1_024,
      });
      expect(await store.streamRevision('provider-p-1')).toBeUndefined();
    } finally {
      await store.close();
      await server.stop();
    }
  });
});
