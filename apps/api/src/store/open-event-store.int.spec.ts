import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FILE_NAME } from '@coachline/eventstore';
import { startInProcessEsdb, type InProcessEsdb } from '@coachline/eventstore-esdb/testing';
import {
  dropSchemaOnServer,
  postgresAvailableSync,
  testDatabaseUrl,
  uniqueSchema,
} from '@coachline/eventstore-postgres/testing';
import { openAccessLog } from '../access-log/open-access-log';
import { readConfig } from '../app/config';
import { enrollmentBody, pathOf, sessionBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi } from '../testing/test-api';
import { openEventStore } from './open-event-store';

describe('the store the environment names', () => {
  let esdb: InProcessEsdb;
  const keys = mkdtempSync(join(tmpdir(), 'coachline-kek-'));
  const COACHLINE_KEY_FILE = join(keys, KEY_FILE_NAME);
  beforeAll(async () => {
    esdb = await startInProcessEsdb();
  });
  afterAll(async () => {
    await esdb.stop();
    rmSync(keys, { recursive: true, force: true });
  });

  it('is EventStoreDB with EVENTSTORE_URL: commands are recorded there and the views follow it', async () => {
    const config = readConfig({
      EVENTSTORE_URL: esdb.connectionString,
      DATABASE_URL: testDatabaseUrl(),
      COACHLINE_KEY_FILE,
    });
    expect(config.store.kind).toBe('esdb');
    const store = await openEventStore(config.store, config.keyFile);
    const api = await startTestApi(store);
    try {
      await seed(api, [{ type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') }]);
      const coach = await api.token('coach', 'c-1');
      const logged = await api
        .http()
        .post(pathOf('LogSession', 'p-1'))
        .set('Authorization', `Bearer ${coach}`)
        .send(sessionBody('s-1', '2025-09-16', 45));
      expect(logged.status).toBe(201);
      const share = await api
        .http()
        .get(`/views/share?waitForPosition=${logged.body.position}`)
        .set('Authorization', `Bearer ${coach}`);
      expect(share.body.providers[0].sessions).toEqual([{ heldOn: '2025-09-16', durationMinutes: 45 }]);
    } finally {
      await api.close();
      await store.close();
    }
  });

  (postgresAvailableSync() ? it : it.skip)(
    'is a PostgreSQL server with DATABASE_URL, in the schema COACHLINE_SCHEMA names, with the access log beside it',
    async () => {
      const schema = uniqueSchema('api_open');
      const config = readConfig({ DATABASE_URL: testDatabaseUrl(), COACHLINE_SCHEMA: schema, COACHLINE_KEY_FILE });
      const store = await openEventStore(config.store, config.keyFile);
      const accessLog = await openAccessLog(config);
      try {
        const api = await startTestApi(store);
        const position = await seed(api, [{ type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') }]);
        await api.close();
        expect(await store.headPosition()).toBe(position);
        const read = {
          id: 'r-1',
          at: '2026-01-15T09:00:00.000Z',
          actor: { id: 'aud-1', role: 'auditor' as const },
          view: 'history',
          query: { stream: 'provider-p-1' },
          correlationId: 'c-1',
        };
        await accessLog.record(read);
        expect(await accessLog.readDay('2026-01-15')).toEqual([read]);
        expect(await store.headPosition()).toBe(position);
      } finally {
        await accessLog.close();
        await store.close();
        await dropSchemaOnServer(schema);
        await dropSchemaOnServer(`${schema}_access`);
      }
    },
  );
});
