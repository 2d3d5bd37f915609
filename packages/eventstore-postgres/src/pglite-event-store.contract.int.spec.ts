import { eventStoreContract } from '@coachline/eventstore/testing';
import { openPgliteEventStore } from './open';
import { dropSchemaOnPglite, uniqueSchema, useSharedPglite } from './testing';

// One schema for the file on the worker's shared PGlite; each test opens its own store on it.
const schema = uniqueSchema('contract');
const pglite = useSharedPglite();

afterAll(() => dropSchemaOnPglite(pglite(), schema));

eventStoreContract('PostgreSQL adapter on PGlite', async () => {
  const store = await openPgliteEventStore({ pglite: pglite(), schema });
  return {
    store,
    verifiableLog: store.verifiableLog(),
    signedCheckpoints: store.signedCheckpoints(),
    close: () => store.close(),
  };
});
