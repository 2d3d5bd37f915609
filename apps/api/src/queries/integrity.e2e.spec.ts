import { verifyChain } from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import { describeApiOnEachEngine } from '../testing/engines';
import { sessionBody, wholeProgram } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

describeApiOnEachEngine('GET /integrity: the chain state an auditor notes', (open) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await open();
  });

  const readAs = async (role: 'auditor' | 'admin') =>
    api
      .http()
      .get('/integrity')
      .set('Authorization', `Bearer ${await api.token(role, `${role}-1`)}`);

  it('answers position 0 and no head for a store with no event yet', async () => {
    const answer = await readAs('auditor');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ position: 0, head: null, events: 0 });
  });

  it('answers the head the chain verifier computes over every event, at the store’s last position', async () => {
    await seed(api, wholeProgram);
    const verdict = await verifyChain(api.store.readAll());
    if (E.isLeft(verdict)) throw new Error(verdict.left.message);
    const position = await api.store.headPosition();
    for (const role of ['auditor', 'admin'] as const) {
      const answer = await readAs(role);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ position, head: verdict.right.head, events: verdict.right.events });
      expect(answer.body.head).toMatch(/^[0-9a-f]{64}$/);
      expect(answer.body.events).toBe(position);
    }
  });

  it('moves with the next event written', async () => {
    const before = (await readAs('auditor')).body as { position: number; head: string };
    await seed(api, [{ type: 'LogSession', id: 'p-1', body: sessionBody('s-integrity', '2025-10-20', 30) }]);
    const after = (await readAs('auditor')).body as { position: number; head: string };
    expect(after.position).toBeGreaterThan(before.position);
    expect(after.head).not.toBe(before.head);
  });

  it.each(['coach', 'provider', 'leadership', 'supervisor', 'evaluator', 'observer'] as const)(
    'refuses a %s with 403',
    async (role) => {
      const answer = await api
        .http()
        .get('/integrity')
        .set('Authorization', `Bearer ${await api.token(role, 'someone')}`);
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('role-not-allowed');
      expect(answer.body).not.toHaveProperty('head');
    },
  );

  it('refuses a request with no token with 401', async () => {
    const answer = await api.http().get('/integrity');
    expect(answer.status).toBe(401);
    expect(answer.body).not.toHaveProperty('head');
  });
});
