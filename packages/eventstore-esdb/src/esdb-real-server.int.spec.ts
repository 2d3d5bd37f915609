/**
 * The shared EventStore contract against a real EventStoreDB / KurrentDB server, when
 * EVENTSTORE_URL names one (see docs/eventstoredb.md). The suite only writes streams named after
 * each test's run id and reads after the head it found, so a server with history will do.
 */
import { eventStoreContract } from '@coachline/eventstore/testing';
import { openEsdbEventStore } from './esdb-event-store';

const url = process.env['EVENTSTORE_URL'] ?? '';
const onRealServer = url === '' ? describe.skip : describe;

onRealServer(
  url === ''
    ? 'real EventStoreDB server (skipped: set EVENTSTORE_URL, e.g. esdb://127.0.0.1:2113?tls=false, to run the contract on one)'
    : 'real EventStoreDB server at EVENTSTORE_URL',
  () => {
    eventStoreContract('EventStoreDB adapter', async () => {
      const store = openEsdbEventStore(url);
      return { store, close: () => store.close() };
    });
  },
);
