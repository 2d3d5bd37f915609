import { InMemoryEventStore } from '@coachline/eventstore';
import { enrollmentBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi, TestApi } from '../testing/test-api';

describe('health', () => {
  let store: InMemoryEventStore;
  let api: TestApi;
  beforeAll(async () => {
    store = new InMemoryEventStore();
    api = await startTestApi(store, { waitForPositionMs: 100 });
    await seed(api, [{ type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') }]);
  });
  afterAll(() => api.close());

  it('answers liveness and readiness without a token', async () => {
    expect((await api.http().get('/health')).body).toEqual({ status: 'ok' });
    const ready = await api.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', store: { reachable: true, headPosition: 1 }, caughtUp: true });
    expect(ready.body.projections).toEqual(expect.arrayContaining([{ name: 'dosage', position: 1, lag: 0 }]));
  });

  it('reports a parked view as not ready, and a read of it as unavailable (503) rather than wrong', async () => {
    // An event the domain never wrote: a session without its data. The dosage fold cannot take it.
    const { lastPosition } = await store.append(
      'provider-p-1',
      [
        {
          id: 'broken-1',
          type: 'SessionLogged',
          schemaVersion: 1,
          data: null,
          metadata: {
            actor: { id: 'x', role: 'admin' },
            recordedAt: '2026-01-15T12:00:00.000Z',
            commandId: 'c',
            correlationId: 'c',
          },
        },
      ],
      'any',
    );
    const admin = await api.token('admin', 'admin-1');
    const read = await api
      .http()
      .get(`/views/dosage?waitForPosition=${lastPosition}`)
      .set('Authorization', `Bearer ${admin}`);
    expect([read.status, read.body.code, read.headers['retry-after']]).toEqual([503, 'view-parked', '1']);
    const ready = await api.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.projections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'dosage', parked: expect.objectContaining({ eventId: 'broken-1' }) }),
      ]),
    );
  });
});
