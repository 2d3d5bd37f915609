import { eventStoreContract } from '@coachline/eventstore/testing';
import { openPostgresEventStore } from './open';
import { dropSchemaOnServer, postgresAvailableSync, testDatabaseUrl, uniqueSchema } from './testing';

// Skipped only when no server answers; the same suite runs on PGlite in any case.
const describeOnServer = postgresAvailableSync() ? describe : describe.skip;

describeOnServer('on the PostgreSQL server', () => {
  const schema = uniqueSchema('contract');

  afterAll(() => dropSchemaOnServer(schema));

  eventStoreContract('PostgreSQL adapter on a server', async () => {
    const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema });
    return {
      store,
      verifiableLog: store.verifiableLog(),
      signedCheckpoints: store.signedCheckpoints(),
      close: () => store.close(),
    };
  });
});
