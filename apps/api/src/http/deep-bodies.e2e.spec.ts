import { describeApiOnEachEngine } from '../testing/engines';
import { communityFamily, coachFamily, enrollmentBody, pathOf } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';
import { BODY_NESTING_LIMIT } from './json-body';

/** JSON text nested `depth` levels deep, built as text: no recursion on this side either. */
const nestedText = (depth: number, kind: 'array' | 'object' | 'mixed'): string => {
  const opens = Array.from({ length: depth }, (_, i) =>
    kind === 'array' || (kind === 'mixed' && i % 2 === 1) ? '[' : '{"a":',
  );
  const closes = opens.map((open) => (open === '[' ? ']' : '}')).reverse();
  return `${opens.join('')}"leaf"${closes.join('')}`;
};

describeApiOnEachEngine('bodies nested deep', (open) => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await open();
    await seed(api, [
      ...communityFamily,
      ...coachFamily,
      { type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') },
    ]);
    admin = await api.token('admin', 'admin-1');
  });

  const send = (method: 'post' | 'delete', path: string, text: string) =>
    api.http()[method](path).set('Authorization', `Bearer ${admin}`).set('Content-Type', 'application/json').send(text);

  const ROUTES = [
    ['post', pathOf('LogSession', 'p-1')],
    ['post', '/tokens'],
    ['delete', '/tokens/t-1'],
  ] as const;

  it.each([3_000, 100_000])(
    'are refused with 400 and one line, never 500, %i levels deep, on every route and wherever the depth sits',
    async (depth) => {
      const head = await api.store.headPosition();
      for (const kind of ['array', 'object', 'mixed'] as const) {
        const deep = nestedText(depth, kind);
        for (const [method, path] of ROUTES) {
          for (const body of [deep, `{"sessionId":"s-1","notes":${deep}}`]) {
            const response = await send(method, path, body);
            expect([kind, path, response.status, response.body]).toEqual([
              kind,
              path,
              400,
              {
                code: 'body-too-deep',
                message: `The body nests arrays and objects more than ${BODY_NESTING_LIMIT} levels deep.`,
                errors: [],
              },
            ]);
          }
        }
      }
      expect(await api.store.headPosition()).toBe(head);
    },
  );

  it('are taken up to the limit and refused one level past it', async () => {
    const atLimit = await send('post', pathOf('LogSession', 'p-1'), nestedText(BODY_NESTING_LIMIT, 'object'));
    expect([atLimit.status, atLimit.body.code]).toEqual([400, 'invalid']);
    const pastLimit = await send('post', pathOf('LogSession', 'p-1'), nestedText(BODY_NESTING_LIMIT + 1, 'object'));
    expect([pastLimit.status, pastLimit.body.code]).toEqual([400, 'body-too-deep']);
  });

  it('leaves the API answering: a command sent next is recorded', async () => {
    await send('post', pathOf('LogSession', 'p-1'), nestedText(100_000, 'array'));
    const response = await api.http().post(pathOf('LogSession', 'p-1')).set('Authorization', `Bearer ${admin}`).send({
      sessionId: 's-after',
      coachId: 'c-1',
      heldOn: '2025-09-16',
      durationMinutes: 45,
      kind: 'coaching-conversation',
      mode: 'in-person',
      agendaUsed: true,
      practices: [],
      strategies: [],
    });
    expect(response.status).toBe(201);
  });
});
