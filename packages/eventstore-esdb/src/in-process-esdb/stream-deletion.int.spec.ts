/**
 * Deleting streams on the in-process server, seen through the raw client: the answers the key
 * store on EventStoreDB relies on (a tombstoned stream reads and writes as deleted for good; a
 * soft-deleted one reads as missing and can be written again).
 */
import { randomUUID } from 'node:crypto';
import {
  ANY,
  EventStoreDBClient,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { startInProcessEsdb, type InProcessEsdb } from './in-process-esdb-server';

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

const event = (n: number) => jsonEvent({ type: 'SessionLogged', data: { n } });

describe('in-process EventStoreDB server: deleting streams', () => {
  let server: InProcessEsdb;
  let client: EventStoreDBClient;
  const streamOf = (label: string) => `${label}-${randomUUID()}`;
  const read = (stream: string) => collect<ResolvedEvent>(client.readStream(stream));

  beforeAll(async () => {
    server = await startInProcessEsdb();
    client = EventStoreDBClient.connectionString(server.connectionString);
  });

  afterAll(async () => {
    await client.dispose();
    await server.stop();
  });

  it('tombstones a stream: reads and appends fail with StreamDeleted from then on', async () => {
    const stream = streamOf('provider');
    await client.appendToStream(stream, [event(0), event(1)]);
    const result = await client.tombstoneStream(stream);
    expect(result.position?.commit).toBeGreaterThan(0n);

    await expect(read(stream)).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(read(stream)).rejects.toMatchObject({ streamName: stream });
    await expect(client.appendToStream(stream, event(2))).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.appendToStream(stream, event(2), { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
      StreamDeletedError,
    );
    await expect(client.tombstoneStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.deleteStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
  });

  it('tombstones a stream that never existed, so it can never be created', async () => {
    const stream = streamOf('coach');
    await client.tombstoneStream(stream, { expectedRevision: ANY });
    await expect(client.appendToStream(stream, event(0), { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
      StreamDeletedError,
    );
    await expect(read(stream)).rejects.toBeInstanceOf(StreamDeletedError);
  });

  it('checks the expected revision of a tombstone and leaves the stream alone when it is wrong', async () => {
    const stream = streamOf('provider');
    await client.appendToStream(stream, [event(0), event(1)]);
    await expect(client.tombstoneStream(stream, { expectedRevision: 0n })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    await expect(client.tombstoneStream(stream, { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect((await read(stream)).map((resolved) => resolved.event?.data)).toEqual([{ n: 0 }, { n: 1 }]);
    await client.tombstoneStream(stream, { expectedRevision: 1n });
    await expect(read(stream)).rejects.toBeInstanceOf(StreamDeletedError);
  });

  it('keeps tombstoned events in $all, as a server does until a scavenge', async () => {
    const stream = streamOf('provider');
    await client.appendToStream(stream, [event(7)]);
    await client.tombstoneStream(stream);
    const all = (await collect(client.readAll())) as AllStreamResolvedEvent[];
    expect(
      all.filter((resolved) => resolved.event?.streamId === stream).map((resolved) => resolved.event?.data),
    ).toEqual([{ n: 7 }]);
  });

  it('soft-deletes a stream: it reads as missing and a later append carries on its revisions', async () => {
    const stream = streamOf('coach');
    await client.appendToStream(stream, [event(0), event(1)]);
    await client.deleteStream(stream, { expectedRevision: 1n });
    await expect(read(stream)).rejects.toBeInstanceOf(StreamNotFoundError);

    const again = await client.appendToStream(stream, event(2), { expectedRevision: NO_STREAM });
    expect(again.nextExpectedRevision).toBe(2n);
    const events = await read(stream);
    expect(events.map((resolved) => [resolved.event?.revision, resolved.event?.data])).toEqual([[2n, { n: 2 }]]);
  });

  it('refuses a soft delete whose expected revision is wrong', async () => {
    const stream = streamOf('coach');
    await client.appendToStream(stream, [event(0)]);
    await expect(client.deleteStream(stream, { expectedRevision: 5n })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(await read(stream)).toHaveLength(1);
  });
});
