import { Agent, request } from 'node:http';
import { AppendResult, EventToAppend, ExpectedRevision, InMemoryEventStore } from '@coachline/eventstore';
import { pathOf, sessionBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi } from '../testing/test-api';
import { enrollmentBody } from '../testing/program-script';

/** A store whose appends wait for the test to let them through: a command held in flight. */
class GatedStore extends InMemoryEventStore {
  gate: Promise<void> | undefined;
  arrived: (() => void) | undefined;

  override async append(
    stream: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
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
    const command = api
      .http()
      .post(pathOf('LogSession', 'p-1'))
      .set('Authorization', `Bearer ${admin}`)
      .send(sessionBody('s-1', '2025-09-16', 45))
      .then((r) => r);
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

  it('closes while a kept-alive connection stays busy, telling its client to reconnect', async () => {
    const store = new GatedStore();
    const api = await startTestApi(store);
    await seed(api, [{ type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') }]);
    const admin = await api.token('admin', 'admin-1');
    const { port } = api.app.getHttpServer().address() as { port: number };
    // One connection, kept alive: the way a busy client talks to the API.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: object) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
        const sent = request({ host: '127.0.0.1', port, path, method, agent, headers }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode!, connection: response.headers.connection }));
        });
        sent.on('error', reject);
        sent.end(body === undefined ? undefined : JSON.stringify(body));
      });
    expect((await send('GET', '/health')).connection).toBe('keep-alive');

    let release!: () => void;
    store.gate = new Promise((resolve) => (release = resolve));
    const arrived = new Promise<void>((resolve) => (store.arrived = resolve));
    const command = send('POST', pathOf('LogSession', 'p-1'), sessionBody('s-1', '2025-09-16', 45));
    await arrived;
    // Busy at the moment the server closes, so closing alone would wait on it for ever while
    // the client keeps sending on it.
    const closing = api.close();
    release();
    expect((await command).status).toBe(201);
    const answers: Array<string | undefined> = [];
    for (;;) {
      const answer = await send('GET', '/health').then(
        (r) => r.connection,
        (error: NodeJS.ErrnoException) => error.code,
      );
      answers.push(answer);
      if (answer === 'ECONNREFUSED' || answers.length > 50) break;
    }
    await closing;
    agent.destroy();
    // No more kept-alive answers: each one left says `Connection: close` (or the idle connection
    // was closed under a request, as any keep-alive client must expect), then the port is shut.
    expect(answers.length).toBeLessThanOrEqual(3);
    expect(answers.slice(0, -1).every((answer) => answer === 'close' || answer === 'ECONNRESET')).toBe(true);
    expect(answers.at(-1)).toBe('ECONNREFUSED');
    expect(answers.at(-1)).toBe('ECONNREFUSED');
  }, 30_000);
});
