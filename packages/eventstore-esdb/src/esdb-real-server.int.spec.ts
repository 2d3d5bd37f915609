/**
 * The shared EventStore and ChildKeyStore contracts against a real EventStoreDB / KurrentDB
 * server, when EVENTSTORE_URL names one (see docs/eventstoredb.md). The suites only write streams
 * named after each test's run id and read after the head they found, so a server with history
 * will do.
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FILE_NAME } from '@coachline/eventstore';
import { childKeyStoreContract, eventStoreContract, verifiableLogContract } from '@coachline/eventstore/testing';
import { openEsdbEventStore } from './esdb-event-store';

const url = process.env['EVENTSTORE_URL'] ?? '';
const onRealServer = url === '' ? describe.skip : describe;

onRealServer(
  url === ''
    ? 'real EventStoreDB server (skipped: set EVENTSTORE_URL, e.g. esdb://127.0.0.1:2113?tls=false, to run the contract on one)'
    : 'real EventStoreDB server at EVENTSTORE_URL',
  () => {
    eventStoreContract(
      'EventStoreDB adapter',
      async () => {
        const store = openEsdbEventStore(url);
        return { store, close: () => store.close() };
      },
      { hashChain: false, verifiableLog: false },
    );
    // The tree covers the server's whole `$all`; a server with no chunk sealed yet keeps this size for good.
    verifiableLogContract('EventStoreDB adapter with a tree sealer running', async () => {
      const store = openEsdbEventStore(url);
      const sealer = await store.startTreeSealer({ chunkLeaves: 64 });
      return {
        store,
        verifiableLog: store.verifiableLog(),
        signedCheckpoints: store.signedCheckpoints(),
        sealed: () => sealer.caughtUp(),
        close: () => store.close(),
      };
    });
    // Child refs are new on every run: tombstoned key streams stay deleted on the server for good.
    // The server keeps its wrapped keys from run to run, so the key file does too.
    childKeyStoreContract('EventStoreDB key store', async () => ({
      openVault: async () => {
        const store = openEsdbEventStore(url);
        return { vault: store.childKeyVault(), close: () => store.close() };
      },
      keyFile: join(
        tmpdir(),
        `coachline-esdb-${createHash('sha256').update(url).digest('hex').slice(0, 16)}-keys`,
        KEY_FILE_NAME,
      ),
      dispose: async () => undefined,
    }));
  },
);
