import { type EventToAppend, type ExpectedRevision, InMemoryEventStore } from '@coachline/eventstore';
import { enrollmentBody, pathOf, sessionBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi, type TestApi } from '../testing/test-api';

/** A store whose appends fail with `failure` while it is set, as a server that went away does. */
class FailingAppends extends InMemoryEventStore {
  failure: unknown;

  override async append(stream: string, events: ReadonlyArray<EventToAppend>, expected: ExpectedRevision) {
    if (this.failure !== undefined) throw this.failure;
    return super.append(stream, events, expected);
  }
}

describe('a command whose store fails', () => {
  let store: FailingAppends;
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    store = new FailingAppends();
    api = await startTestApi(store);
    await seed(api, [{ type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') }]);
    admin = await api.token('admin', 'admin-1');
  });
  afterEach(() => {
    store.failure = undefined;
  });
  afterAll(() => api.close());

  const logSession = (sessionId: string, idempotencyKey: string) =>
    api
      .http()
      .post(pathOf('LogSession', 'p-1'))
      .set('Authorization', `Bearer ${admin}`)
      .set('Idempotency-Key', idempotencyKey)
      .send(sessionBody(sessionId, '2025-09-10', 30));

  it('is answered 503 with Retry-After when the connection was lost, and recorded once when sent again', async () => {
    store.failure = Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });
    const lost = await logSession('s-1', 'key-s-1');
    expect([lost.status, lost.body.code, lost.headers['retry-after']]).toEqual([503, 'store-unavailable', '1']);

    store.failure = undefined;
    const again = await logSession('s-1', 'key-s-1');
    const replayed = await logSession('s-1', 'key-s-1');
    expect([again.status, replayed.status, replayed.headers['idempotent-replayed']]).toEqual([201, 201, 'true']);
    expect(replayed.body.events).toEqual(again.body.events);
  });

  it('is answered 500 without the failure’s own text for any other failure of the store', async () => {
    store.failure = new Error('could not extend file "base/16384/2619": No space left on device');
    const failed = await logSession('s-2', 'key-s-2');
    expect([failed.status, failed.body.code]).toEqual([500, 'internal-error']);
    expect(JSON.stringify(failed.body)).not.toContain('No space left');
  });
});
