import { describeApiOnEachEngine } from '../testing/engines';
import { enrollmentBody, pathOf, sessionBody } from '../testing/program-script';
import type { TestApi } from '../testing/test-api';

const sessionIdsOf = async (api: TestApi, stream: string): Promise<string[]> => {
  const ids: string[] = [];
  for await (const event of api.store.readStream(stream))
    if (event.type === 'SessionLogged') ids.push((event.data as { sessionId: string }).sessionId);
  return ids;
};

describeApiOnEachEngine('two clients racing on one provider', (open) => {
  let api: TestApi;
  let coach: string;
  beforeAll(async () => {
    api = await open();
    const admin = await api.token('admin', 'admin-1');
    expect(
      (
        await api
          .http()
          .post(pathOf('EnrollProvider', 'p-1'))
          .set('Authorization', `Bearer ${admin}`)
          .send(enrollmentBody('c-1'))
      ).status,
    ).toBe(201);
    coach = await api.token('coach', 'c-1');
  });

  const send = (sessionId: string, ifMatch: number) =>
    api
      .http()
      .post(pathOf('LogSession', 'p-1'))
      .set('Authorization', `Bearer ${coach}`)
      .set('If-Match', String(ifMatch))
      .send(sessionBody(sessionId, '2025-09-16', 45));

  it('with If-Match: one wins, the other gets 409, and after a re-read nothing is lost', async () => {
    const seen = (await api.store.streamRevision('provider-p-1'))!;
    const [a, b] = await Promise.all([send('s-a', seen), send('s-b', seen)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);
    const [winner, loser] = a.status === 201 ? [a, b] : [b, a];
    expect(loser.body.code).toBe('revision-conflict');
    expect(winner.body.revision).toBe(seen + 1);
    const retry = await send(loser === a ? 's-a' : 's-b', winner.body.revision);
    expect(retry.status).toBe(201);
    expect((await sessionIdsOf(api, 'provider-p-1')).sort()).toEqual(['s-a', 's-b']);
  });

  it('without If-Match, both are recorded: the command is decided again on the newer stream', async () => {
    const without = (sessionId: string) =>
      api
        .http()
        .post(pathOf('LogSession', 'p-1'))
        .set('Authorization', `Bearer ${coach}`)
        .send(sessionBody(sessionId, '2025-09-17', 30));
    const responses = await Promise.all(['s-c', 's-d', 's-e', 's-f'].map(without));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.revision)).size).toBe(4);
    expect((await sessionIdsOf(api, 'provider-p-1')).sort()).toEqual(['s-a', 's-b', 's-c', 's-d', 's-e', 's-f']);
  });
});
