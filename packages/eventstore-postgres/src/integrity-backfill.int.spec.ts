import * as E from 'fp-ts/Either';
import { verifyChain, type StoredEvent } from '@coachline/eventstore';
import { collect, someEvents } from '@coachline/eventstore/testing';
import pg from 'pg';
import { openPgliteEventStore, openPostgresEventStore } from './open';
import type { PostgresEventStore } from './postgres-event-store';
import {
  dropSchemaOnPglite,
  dropSchemaOnServer,
  postgresAvailableSync,
  testDatabaseUrl,
  uniqueSchema,
  useSharedPglite,
} from './testing';

/** A store upgraded in place: events written before the chain existed get the hashes they would have had. */
const backfillTests = (
  open: (schema: string) => Promise<PostgresEventStore>,
  sql: (text: string) => Promise<unknown>,
  drop: (schema: string) => Promise<void>,
) => {
  const schema = uniqueSchema('backfill');
  afterAll(() => drop(schema));

  it('gives old events their hashes in order, and new appends continue the chain', async () => {
    const writer = await open(schema);
    await writer.append('provider-p1', someEvents(3), 'no-stream');
    await writer.append('coach-c1', someEvents(2, 'CoachRegistered'), 'no-stream');
    await writer.append('provider-p1', someEvents(2, 'FeedbackSent'), 2);
    const asWritten = await collect(writer.readAll({ batchSize: 3 }));
    await writer.close();

    // Back to the schema before the chain, as a deployment of an earlier release has it.
    await sql(`
      ALTER TABLE "${schema}".events DROP COLUMN hash, DROP COLUMN chain;
      ALTER TABLE "${schema}".streams DROP COLUMN hash;
      ALTER TABLE "${schema}".head DROP COLUMN chain;
      DELETE FROM "${schema}".schema_migrations WHERE version = 3;
    `);

    const upgraded = await open(schema);
    try {
      const backfilled = await collect(upgraded.readAll({ batchSize: 3 }));
      expect(backfilled.map((event: StoredEvent) => event.integrity)).toEqual(
        asWritten.map((event) => event.integrity),
      );
      await upgraded.append('provider-p1', someEvents(1, 'ProviderExited'), 4);
      await upgraded.append('child-k1', someEvents(1, 'ScreeningRecorded'), 'no-stream');
      const verdict = await verifyChain(upgraded.readAll(), { headPosition: await upgraded.headPosition() });
      expect(verdict).toEqual(E.right(expect.objectContaining({ events: 9, lastPosition: 9 })));
    } finally {
      await upgraded.close();
    }
  });
};

describe('the hash chain migration on PGlite', () => {
  const pglite = useSharedPglite();
  backfillTests(
    (schema) => openPgliteEventStore({ pglite: pglite(), schema }),
    (text) => pglite().exec(text),
    (schema) => dropSchemaOnPglite(pglite(), schema),
  );
});

(postgresAvailableSync() ? describe : describe.skip)('the hash chain migration on the PostgreSQL server', () => {
  backfillTests(
    (schema) => openPostgresEventStore({ connectionString: testDatabaseUrl(), schema }),
    async (text) => {
      const admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      try {
        await admin.query(text);
      } finally {
        await admin.end();
      }
    },
    (schema) => dropSchemaOnServer(schema),
  );
});
