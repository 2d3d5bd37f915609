import { StoreAccessLog, type ViewRead } from '@coachline/eventstore';
import { accessLogSchemaOf, openPostgresAccessLog } from './access-log';
import {
  describeOnEachEngine,
  dropSchemaOnServer,
  postgresAvailableSync,
  testDatabaseUrl,
  uniqueSchema,
} from './testing';

const read = (id: string, at: string, query: Record<string, string>): ViewRead => ({
  id,
  at,
  actor: { id: 'aud-1', role: 'auditor' },
  view: 'history',
  query,
  correlationId: `corr-${id}`,
});

describeOnEachEngine('the access log in tables', (open) => {
  it('gives back the reads of a day in the order recorded, each query as a table', async () => {
    const { store, dispose } = await open('access');
    const log = new StoreAccessLog(store);
    try {
      await log.record(
        read('r-1', '2026-01-15T09:00:00.000Z', { stream: 'provider-p-1', asOf: '2026-01-01T00:00:00.000Z' }),
      );
      await log.record(read('r-2', '2026-01-16T09:00:00.000Z', {}));
      await log.record(read('r-3', '2026-01-15T10:00:00.000Z', { providerId: 'p-2' }));
      const day = await log.readDay('2026-01-15');
      expect(day.map((each) => each.id)).toEqual(['r-1', 'r-3']);
      expect({ ...day[0]!.query }).toEqual({ stream: 'provider-p-1', asOf: '2026-01-01T00:00:00.000Z' });
      expect(Object.getPrototypeOf(day[1]!.query)).toBeNull();
    } finally {
      await dispose();
    }
  });
});

(postgresAvailableSync() ? describe : describe.skip)('the access log of a store on a PostgreSQL server', () => {
  it('lives in the schema <schema>_access', async () => {
    const schema = uniqueSchema('access_of');
    const log = await openPostgresAccessLog({ connectionString: testDatabaseUrl(), schema });
    try {
      await log.record(read('r-1', '2026-01-15T09:00:00.000Z', {}));
      const again = await openPostgresAccessLog({ connectionString: testDatabaseUrl(), schema });
      expect((await again.readDay('2026-01-15')).map((each) => each.id)).toEqual(['r-1']);
      await again.close();
    } finally {
      await log.close();
      await dropSchemaOnServer(accessLogSchemaOf(schema));
    }
  });
});
