/**
 * An EventStoreDB stand-in that speaks the real gRPC protocol from the client's own generated
 * service definitions, over an insecure port on 127.0.0.1, backed by an in-memory log. It serves
 * what Coachline's adapter uses (stream and $all reads, $all subscriptions, appends, stream
 * deletes and tombstones) so that the adapter runs over the real client and wire format without
 * a server installed.
 */
import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { appendHandler } from './append-handler';
import { deleteHandler, tombstoneHandler } from './delete-handler';
import { InMemoryLog, type ProposedEvent } from './in-memory-log';
import { readHandler, type ServerGeneration } from './read-handler';

export interface InProcessEsdbOptions {
  /** EventStoreDB's MaxAppendSize: bytes of data and metadata one append may carry (default 1 MiB, as the server's). */
  readonly maxAppendSize?: number;
  /** Behave as servers of an older generation do (default: as current servers, all true). */
  readonly generation?: Partial<ServerGeneration>;
}

export interface InProcessEsdb {
  /** A connection string the client accepts, e.g. `esdb://127.0.0.1:40123?tls=false`. */
  readonly connectionString: string;
  /** Appends events to a system stream (`$`-prefixed), as the server's own subsystems do. */
  writeSystemEvent(stream: string, type: string): void;
  stop(): Promise<void>;
}

const DEFAULT_MAX_APPEND_SIZE = 1_048_576;
const SERVER_VERSION = '24.10.0-in-process';
const STREAMS_SERVICE = 'event_store.client.streams.streams';

/**
 * The methods the server announces. The client asks on connect and appends with BatchAppend
 * only when it is listed, so leaving it out keeps it on the Append call served here.
 */
const supportedMethods = (): SupportedMethods =>
  new SupportedMethods()
    .setEventStoreServerVersion(SERVER_VERSION)
    .setMethodsList(
      ['read', 'append', 'delete', 'tombstone'].map((method) =>
        new SupportedMethod().setServiceName(STREAMS_SERVICE).setMethodName(method),
      ),
    );

const unimplemented = (_call: unknown, callback?: unknown): void => {
  const error = Object.assign(new Error('Not served by the in-process server.'), { code: status.UNIMPLEMENTED });
  if (typeof callback === 'function') callback(error);
  else (_call as { emit(event: string, error: Error): void }).emit('error', error);
};

const systemEvent = (type: string): ProposedEvent => {
  const data = Buffer.from(JSON.stringify({ at: new Date().toISOString() }), 'utf8');
  return { eventId: randomUUID(), type, contentType: 'application/json', data, customMetadata: new Uint8Array() };
};

export const startInProcessEsdb = async (options: InProcessEsdbOptions = {}): Promise<InProcessEsdb> => {
  const log = new InMemoryLog();
  // A fresh EventStoreDB node has written system events before any client connects.
  log.append('$users', [systemEvent('$UserCreated')], { kind: 'any' });
  log.append('$settings', [systemEvent('$settings')], { kind: 'any' });

  const server = new Server();
  server.addService(StreamsService, {
    read: readHandler(log, { caughtUpMessages: true, streamReadPositions: true, ...options.generation }),
    append: appendHandler(log, options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE),
    batchAppend: unimplemented,
    delete: deleteHandler(log),
    tombstone: tombstoneHandler(log),
  });
  server.addService(ServerFeaturesService, {
    getSupportedMethods: (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>) =>
      callback(null, supportedMethods()),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    writeSystemEvent: (stream, type) => {
      log.append(stream, [systemEvent(type)], { kind: 'any' });
    },
    stop: async () => {
      // Subscriptions stay open until their clients leave; a test server ends them at once.
      server.forceShutdown();
    },
  };
};
