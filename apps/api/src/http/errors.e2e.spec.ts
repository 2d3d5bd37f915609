import { SignJWT } from 'jose';
import { describeApiOnEachEngine } from '../testing/engines';
import { enrollmentBody, pathOf, sessionBody } from '../testing/program-script';
import { TEST_SECRET, TestApi } from '../testing/test-api';

const expectErrorShape = (body: unknown) =>
  expect(body).toEqual({ code: expect.any(String), message: expect.any(String), errors: expect.any(Array) });

describeApiOnEachEngine('error answers', (open) => {
  let api: TestApi;
  let admin: string;
  const post = (path: string, body: unknown, token = admin) =>
    api
      .http()
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);

  beforeAll(async () => {
    api = await open();
    admin = await api.token('admin', 'admin-1');
    expect((await post(pathOf('EnrollProvider', 'p-1'), enrollmentBody('c-1'))).status).toBe(201);
  });

  describe('400 invalid', () => {
    it('lists every wrong field of the body by its path, and writes nothing', async () => {
      const head = await api.store.headPosition();
      const response = await post(pathOf('LogSession', 'p-1'), {
        sessionId: '',
        heldOn: '2025-09-31',
        durationMinutes: '45',
        kind: 'chat',
        extra: 1,
      });
      expect(response.status).toBe(400);
      expectErrorShape(response.body);
      expect(response.body.code).toBe('invalid');
      expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
        [
          'body.agendaUsed',
          'body.coachId',
          'body.durationMinutes',
          'body.extra',
          'body.heldOn',
          'body.kind',
          'body.mode',
          'body.practices',
          'body.sessionId',
          'body.strategies',
        ].sort(),
      );
      expect(response.body.errors.find((e: { path: string }) => e.path === 'body.heldOn').message).toBe(
        'expected a calendar date YYYY-MM-DD, got "2025-09-31"',
      );
      expect(await api.store.headPosition()).toBe(head);
    });

    it('names malformed headers and a body id that contradicts the path, with the body errors', async () => {
      const response = await api
        .http()
        .post(pathOf('LogSession', 'p-1'))
        .set('Authorization', `Bearer ${admin}`)
        .set('Idempotency-Key', 'k'.repeat(201))
        .set('If-Match', 'yesterday')
        .send({ ...sessionBody('s-1', '2025-09-16', 45), providerId: 'p-2' });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([
        'headers.idempotency-key',
        'headers.if-match',
        'body.providerId',
      ]);
    });

    it('names an invalid id in the path', async () => {
      const response = await post(`/providers/${'x'.repeat(201)}/sessions`, sessionBody('s-1', '2025-09-16', 45));
      expect([response.status, response.body.errors]).toEqual([400, [expect.objectContaining({ path: 'params.id' })]]);
    });

    it('refuses a body that is not JSON, or not an object', async () => {
      const malformed = await api
        .http()
        .post(pathOf('LogSession', 'p-1'))
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'application/json')
        .send('{"sessionId": ');
      expect([malformed.status, malformed.body.code]).toEqual([400, 'malformed-json']);
      const list = await post(pathOf('LogSession', 'p-1'), [1, 2]);
      expect([list.status, list.body.errors]).toEqual([
        400,
        [expect.objectContaining({ path: 'body', message: 'expected an object, got [1,2]' })],
      ]);
      const none = await api.http().post(pathOf('LogSession', 'p-1')).set('Authorization', `Bearer ${admin}`);
      expect([none.status, none.body.errors[0].path]).toEqual([400, 'body']);
    });

    it('refuses text no store can keep (NUL, unpaired surrogates) in the body, the path or the query, and writes nothing', async () => {
      const head = await api.store.headPosition();
      const body = await post(pathOf('LogSession', 'p-1'), {
        ...sessionBody('s-nul', '2025-09-16', 45),
        summary: 'a\u0000b',
      });
      expect([body.status, body.body.errors]).toEqual([400, [expect.objectContaining({ path: 'body.summary' })]]);
      const path = await post('/providers/p%00/sessions', sessionBody('s-nul', '2025-09-16', 45));
      expect([path.status, path.body.errors[0].path]).toEqual([400, 'params.id']);
      const stream = await api.http().get('/streams/provider-%00').set('Authorization', `Bearer ${admin}`);
      expect([stream.status, stream.body.errors[0].path]).toEqual([400, 'params.stream']);
      const query = await api
        .http()
        .get('/views/history?stream=provider-p-1%00')
        .set('Authorization', `Bearer ${admin}`);
      expect([query.status, query.body.errors[0].path]).toEqual([400, 'query.stream']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('names wrong and unknown query parameters', async () => {
      const response = await api
        .http()
        .get('/views/dosage?asOf=yesterday&month=2025-13&colour=red')
        .set('Authorization', `Bearer ${admin}`);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([
        'query.asOf',
        'query.month',
        'query.colour',
      ]);
    });

    it('refuses to wait for a position no event has', async () => {
      const response = await api
        .http()
        .get('/views/dosage?waitForPosition=999999')
        .set('Authorization', `Bearer ${admin}`);
      expect([response.status, response.body.code]).toEqual([400, 'unknown-position']);
    });

    it('refuses a body over the size limit with 413', async () => {
      const response = await post(pathOf('LogSession', 'p-1'), {
        ...sessionBody('s-1', '2025-09-16', 45),
        summary: 'x'.repeat(2_000_000),
      });
      expect(response.status).toBe(413);
      expectErrorShape(response.body);
    });
  });

  describe('401 unauthenticated', () => {
    const sign = (
      claims: Record<string, unknown>,
      options: { secret?: string; issuer?: string; expiresAt?: number } = {},
    ) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('someone')
        .setIssuer(options.issuer ?? 'coachline')
        .setAudience('coachline-api')
        .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 60)
        .sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));

    it.each([
      ['no token', async () => undefined],
      ['not a bearer token', async () => 'Basic YWRtaW46YWRtaW4='],
      [
        'a token signed with another secret',
        async () => `Bearer ${await sign({ role: 'admin' }, { secret: 'another-secret-that-is-long-enough-too' })}`,
      ],
      [
        'an expired token',
        async () => `Bearer ${await sign({ role: 'admin' }, { expiresAt: Math.floor(Date.now() / 1000) - 60 })}`,
      ],
      ['a token from another issuer', async () => `Bearer ${await sign({ role: 'admin' }, { issuer: 'elsewhere' })}`],
      ['a token with a role the program does not know', async () => `Bearer ${await sign({ role: 'superuser' })}`],
      ['garbage', async () => 'Bearer not.a.token'],
    ])('%s', async (_what, header) => {
      const value = await header();
      const request = api.http().get('/views/dosage');
      const response = await (value === undefined ? request : request.set('Authorization', value));
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('unauthenticated');
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    });
  });

  describe('404 unknown', () => {
    it.each([
      ['a route', 'get', '/nowhere', 'not-found'],
      ['a command route', 'post', '/providers/p-1/naps', 'unknown-route'],
      ['a view', 'get', '/views/horoscope', 'unknown-view'],
      ['a stream', 'get', '/streams/provider-p-404', 'stream-not-found'],
      ['a provider’s timeline', 'get', '/providers/p-404/timeline', 'provider-not-found'],
      ['a provider’s debriefs', 'get', '/providers/p-404/debriefs', 'provider-not-found'],
      ['a provider a command names', 'post', pathOf('LogSession', 'p-404'), 'provider-not-enrolled'],
    ] as const)('%s', async (_what, method, path, code) => {
      const response = await api
        .http()
        [method](path)
        .set('Authorization', `Bearer ${admin}`)
        .send(method === 'post' ? sessionBody('s-9', '2025-09-16', 45) : undefined);
      expect([response.status, response.body.code]).toEqual([404, code]);
      expectErrorShape(response.body);
    });
  });

  describe('409 conflict', () => {
    it('refuses a command sent with an If-Match revision the stream has moved on from', async () => {
      const first = await post(pathOf('LogSession', 'p-1'), sessionBody('s-40', '2025-09-16', 45));
      const head = await api.store.headPosition();
      const stale = await api
        .http()
        .post(pathOf('LogSession', 'p-1'))
        .set('Authorization', `Bearer ${admin}`)
        .set('If-Match', `"${first.body.revision - 1}"`)
        .send(sessionBody('s-41', '2025-09-17', 45));
      expect([stale.status, stale.body.code, stale.body.errors[0].path]).toEqual([
        409,
        'revision-conflict',
        'headers.if-match',
      ]);
      expect(await api.store.headPosition()).toBe(head);
      const current = await api
        .http()
        .post(pathOf('LogSession', 'p-1'))
        .set('Authorization', `Bearer ${admin}`)
        .set('If-Match', String(first.body.revision))
        .send(sessionBody('s-41', '2025-09-17', 45));
      expect(current.status).toBe(201);
    });

    it('refuses to record twice what exists once', async () => {
      const response = await post(pathOf('EnrollProvider', 'p-1'), enrollmentBody('c-1'));
      expect([response.status, response.body.code, response.body.errors[0].path]).toEqual([
        409,
        'provider-already-enrolled',
        'params.id',
      ]);
    });
  });

  describe('422 rule broken', () => {
    it('names the rule and the field that broke it', async () => {
      const response = await post(pathOf('LogSession', 'p-1'), sessionBody('s-50', '2025-08-20', 45));
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'session-before-enrollment', errors: [{ path: 'body.heldOn' }] });
    });
  });

  describe('idempotency', () => {
    it('answers a retried command with its first answer and appends nothing', async () => {
      const send = () =>
        api
          .http()
          .post(pathOf('LogSession', 'p-1'))
          .set('Authorization', `Bearer ${admin}`)
          .set('Idempotency-Key', 'log-s-60')
          .send(sessionBody('s-60', '2025-09-18', 45));
      const first = await send();
      const head = await api.store.headPosition();
      const retry = await send();
      expect(first.status).toBe(201);
      expect([retry.status, retry.body]).toEqual([201, first.body]);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(first.body.commandId).toBe('log-s-60');
      expect(await api.store.headPosition()).toBe(head);
    });

    it('refuses a key reused for another command on the same record', async () => {
      const key = 'key-used-once';
      expect(
        (
          await api
            .http()
            .post(pathOf('LogSession', 'p-1'))
            .set('Authorization', `Bearer ${admin}`)
            .set('Idempotency-Key', key)
            .send(sessionBody('s-61', '2025-09-18', 45))
        ).status,
      ).toBe(201);
      const other = await api
        .http()
        .post(pathOf('VoidSession', 'p-1'))
        .set('Authorization', `Bearer ${admin}`)
        .set('Idempotency-Key', key)
        .send({ sessionId: 's-61', reason: 'Logged by mistake.' });
      expect([other.status, other.body.code]).toEqual([409, 'idempotency-key-reused']);
    });
  });
});
