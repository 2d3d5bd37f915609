/**
 * The shared EventStore contract, run on the adapter over the real client and the real gRPC
 * protocol, against the in-process server started for this file.
 */
import { eventStoreContract } from '@coachline/eventstore/testing';
import { openEsdbEventStore } from './esdb-event-store';
import { startInProcessEsdb, type InProcessEsdb } from './testing';

/**
 * The contract stores events of about 1.3 MB of UTF-8; EventStoreDB's default MaxAppendSize is
 * 1 MiB, so this server is configured as docs/eventstoredb.md asks of a real one.
 */
const MAX_APPEND_SIZE = 4 * 1_048_576;

let server: InProcessEsdb;

beforeAll(async () => {
  server = await startInProcessEsdb({ maxAppendSize: MAX_APPEND_SIZE });
});

afterAll(async () => {
  await server.stop();
});

eventStoreContract(
  'EventStoreDB adapter on the in-process server',
  async () => {
    const store = openEsdbEventStore(server.connectionString);
    return { store, close: () => store.close() };
  },
  { hashChain: false },
);
