/**
 * The in-process server seen through the raw client: the parts of EventStoreDB's behaviour the
 * adapter's tests lean on, checked on their own.
 */
import { credentials } from '@grpc/grpc-js';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { ServerFeaturesClient } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import type { SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { startInProcessEsdb, type InProcessEsdb } from './in-process-esdb-server';

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

const event = (n: number) => jsonEvent({ type: 'SessionLogged', data: { n } });

describe('in-process EventStoreDB server', () => {
  let server: InProcessEsdb;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    server = await startInProcessEsdb();
    client = EventStoreDBClient.connectionString(server.connectionString);
    await client.appendToStream('provider-p-1', [event(0), event(1), event(2)]);
    await client.appendToStream('coach-c-1', [event(3)]);
  });

  afterAll(async () => {
    await client.dispose();
    await server.stop();
  });

  it('announces no BatchAppend, so the client appends with Append', async () => {
    const address = server.connectionString.replace('esdb://', '').replace('?tls=false', '');
    const features = new ServerFeaturesClient(address, credentials.createInsecure());
    try {
      const methods = await new Promise<SupportedMethods>((resolve, reject) =>
        features.getSupportedMethods(new Empty(), (error, answer) => (error ? reject(error) : resolve(answer))),
      );
      expect(methods.getMethodsList().map((method) => `${method.getServiceName()}/${method.getMethodName()}`)).toEqual([
        'event_store.client.streams.streams/read',
        'event_store.client.streams.streams/append',
        'event_store.client.streams.streams/delete',
        'event_store.client.streams.streams/tombstone',
      ]);
    } finally {
      features.close();
    }
  });

  it('starts the log with system events, at a non-zero byte offset', async () => {
    const [first] = (await collect(client.readAll({ maxCount: 1 }))) as AllStreamResolvedEvent[];
    expect(first!.event!.streamId.startsWith('$')).toBe(true);
    expect(first!.event!.position.commit).toBeGreaterThan(0n);
  });

  it('reads $all forwards from a position inclusive, backwards from a position exclusive', async () => {
    const all = (await collect(client.readAll())) as AllStreamResolvedEvent[];
    const third = all.at(-2)!.event!.position;
    const forwards = (await collect(
      client.readAll({ fromPosition: third, direction: FORWARDS }),
    )) as AllStreamResolvedEvent[];
    const backwards = (await collect(
      client.readAll({ fromPosition: third, direction: BACKWARDS, maxCount: 2 }),
    )) as AllStreamResolvedEvent[];

    expect(forwards.map((resolved) => resolved.event!.data)).toEqual([{ n: 2 }, { n: 3 }]);
    expect(backwards.map((resolved) => resolved.event!.data)).toEqual([{ n: 1 }, { n: 0 }]);
  });

  it('reads a stream backwards from its end and forwards from a revision', async () => {
    const backwards = await collect(
      client.readStream('provider-p-1', { fromRevision: END, direction: BACKWARDS, maxCount: 2 }),
    );
    const forwards = await collect(client.readStream('provider-p-1', { fromRevision: 1n, direction: FORWARDS }));
    expect(backwards.map((resolved) => resolved.event!.revision)).toEqual([2n, 1n]);
    expect(forwards.map((resolved) => resolved.event!.revision)).toEqual([1n, 2n]);
  });

  it('checks the stream-exists expectation', async () => {
    await expect(
      client.appendToStream('provider-nobody', event(9), { expectedRevision: STREAM_EXISTS }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    const result = await client.appendToStream('coach-c-1', event(4), { expectedRevision: STREAM_EXISTS });
    expect(result.nextExpectedRevision).toBe(1n);
  });

  it('filters a subscription on stream-name prefixes, says when it has caught up, then goes live', async () => {
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: streamNameFilter({ prefixes: ['provider-'] }),
    });
    const seen: unknown[] = [];
    let check = (): void => undefined;
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      seen.push(resolved.event!.data);
      check();
    });
    const until = (count: number) =>
      new Promise<void>((resolve) => {
        check = () => (seen.length >= count ? resolve() : undefined);
        check();
      });
    const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', () => resolve()));
    try {
      await caughtUp;
      await until(3);
      expect(seen).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
      await client.appendToStream('coach-c-1', event(5));
      await client.appendToStream('provider-p-1', event(6));
      await until(4);
      expect(seen).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 6 }]);
    } finally {
      await subscription.unsubscribe();
    }
  });
});
