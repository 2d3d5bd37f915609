import {
  InMemoryChildKeyStore,
  InMemoryEventStore,
  InMemoryProjectionCheckpoints,
  OpenedStore,
  type ProjectionRecord,
} from '@coachline/eventstore';
import { startTestApi } from '../testing/test-api';

/** Stored views that take as long to load as the test wants: a restart on a large store. */
class SlowCheckpoints extends InMemoryProjectionCheckpoints {
  saved = 0;
  release!: () => void;
  private readonly loaded = new Promise<void>((resolve) => (this.release = resolve));

  override async load(name: string) {
    await this.loaded;
    return super.load(name);
  }

  override async save(record: ProjectionRecord): Promise<void> {
    this.saved += 1;
    await super.save(record);
  }
}

const storeWith = (checkpoints: SlowCheckpoints) =>
  OpenedStore.open({ events: new InMemoryEventStore(), checkpoints }, new InMemoryChildKeyStore());

describe('health while the views load', () => {
  it('answers /health at once, says not ready until the views have caught up, then ready', async () => {
    const checkpoints = new SlowCheckpoints();
    const api = await startTestApi(await storeWith(checkpoints), { waitForPositionMs: 100 });
    try {
      const live = await api.http().get('/health');
      expect([live.status, live.body]).toEqual([200, { status: 'ok' }]);
      const loading = await api.http().get('/health/ready');
      expect(loading.status).toBe(503);
      expect(loading.body).toMatchObject({ status: 'not-ready', store: { reachable: true }, caughtUp: false });
      const admin = await api.token('admin', 'admin-1');
      const read = await api.http().get('/views/dosage').set('Authorization', `Bearer ${admin}`);
      expect([read.status, read.body.code]).toEqual([503, 'view-behind']);

      checkpoints.release();
      let ready = await api.http().get('/health/ready');
      for (let tries = 0; ready.status !== 200 && tries < 100; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        ready = await api.http().get('/health/ready');
      }
      expect(ready.body).toMatchObject({ status: 'ready', caughtUp: true });
    } finally {
      checkpoints.release();
      await api.close();
    }
  });

  it('stops during the load without saving views it never folded', async () => {
    const checkpoints = new SlowCheckpoints();
    const api = await startTestApi(await storeWith(checkpoints));
    let closed = false;
    const closing = api.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The load is still under way: stopping waits for it, as the store must stay open under it.
    expect(closed).toBe(false);
    checkpoints.release();
    await closing;
    expect(checkpoints.saved).toBe(0);
  });
});
