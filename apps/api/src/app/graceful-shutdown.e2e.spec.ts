import { AppendResult, EventToAppend, ExpectedRevision, InMemoryEventStore } from '@coachline/eventstore';
import { pathOf, sessionBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi } from '../testing/test-api';
import { enrollmentBody } from '../testing/program-script';

/** A store whose appends wait for the test to let them through: a command held in flight. */
class GatedStore extends InMemoryEventStore {
  gate: Promise<void> | undefined;
  arrived: (() => void) | undefined;

  override async append(stream: string, events: ReadonlyArray<EventToAppend>, expected: ExpectedRevision): Promise<AppendResult> {
    if (this.gate) {
      this.arrived?.();
      await this.gate;
    }
    return super.append(stream, events, expected);
  }
}

describe('shutting down', () => {
  it('finishes the command in flight before the app closes, and keeps its answer', async () => {
    const store = new GatedStore();
    const api = await startTestApi(store);
    await seed(api, [{ type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') }]);
    let release!: () => void;
    store.gate = new Promise((resolve) => (release = resolve));
    const arrived = new Promise<void>((resolve) => (store.arrived = resolve));

    const admin = await api.token('admin', 'admin-1');
    const command = api.http().post(pathOf('LogSession', 'p-1')).set('Authorization', `Bearer ${admin}`).send(sessionBody('s-1', '2025-09-16', 45)).then((r) => r);
    await arrived;
    let closed = false;
    const closing = api.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);

    release();
    const response = await command;
    await closing;
    expect(response.status).toBe(201);
    expect(await store.headPosition()).toBe(response.body.position);
  });
});
