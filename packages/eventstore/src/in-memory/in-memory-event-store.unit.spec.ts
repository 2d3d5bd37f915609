import { eventStoreContract } from '../testing';
import { InMemoryEventStore } from './in-memory-event-store';

eventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return {
    store,
    verifiableLog: store.verifiableLog,
    signedCheckpoints: store.signedCheckpoints,
    close: () => store.close(),
  };
});
