import { Role } from '@coachline/domain';
import type { EventStore } from '@coachline/eventstore';
import { describeOnEachEngine, type TestStore } from '@coachline/eventstore-postgres/testing';
import { SignJWT } from 'jose';
import { enrollmentBody, pathOf, sessionBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi, TEST_SECRET, type TestApi } from '../testing/test-api';
import { communityFamily, coachFamily } from '../testing/program-script';
import { MAX_TOKEN_LENGTH } from './token-signer';

const KEY = new TextEncoder().encode(TEST_SECRET);
const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const inAnHour = () => Math.floor(Date.now() / 1000) + 3_600;
const adminClaims = () => ({
  sub: 'admin-1',
  role: 'admin',
  iss: 'coachline',
  aud: 'coachline-api',
  exp: inAnHour(),
  jti: 'forged-1',
});

/** Tokens an attacker could bring; none may get past the door, whatever route it knocks on. */
const FORGERIES: ReadonlyArray<readonly [string, (api: TestApi) => Promise<string>]> = [
  [
    'an unsigned token (alg none)',
    async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(adminClaims())}.`,
  ],
  [
    'an unsigned token with a signature left on',
    async (api) =>
      `${base64url({ alg: 'none' })}.${base64url(adminClaims())}.${(await api.token('coach', 'c-1')).split('.')[2]}`,
  ],
  [
    'a token signed with another secret',
    () =>
      new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('admin-1')
        .setJti('t-x')
        .setIssuer('coachline')
        .setAudience('coachline-api')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(`${TEST_SECRET}-not`)),
  ],
  [
    'a token signed with the secret under another algorithm (HS512)',
    () =>
      new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS512' })
        .setSubject('admin-1')
        .setJti('t-x')
        .setIssuer('coachline')
        .setAudience('coachline-api')
        .setExpirationTime('1h')
        .sign(KEY),
  ],
  [
    'a coach’s token with its role claim changed to admin',
    async (api) => {
      const [header, payload, signature] = (await api.token('coach', 'c-1')).split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
      return `${header}.${base64url({ ...claims, role: 'admin' })}.${signature}`;
    },
  ],
  [
    'an expired token',
    () =>
      new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('admin-1')
        .setJti('t-x')
        .setIssuer('coachline')
        .setAudience('coachline-api')
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(KEY),
  ],
  [
    'a token with no id to revoke it by',
    () =>
      new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('admin-1')
        .setIssuer('coachline')
        .setAudience('coachline-api')
        .setExpirationTime('1h')
        .sign(KEY),
  ],
  ['an oversized token', async (api) => `${await api.token('admin', 'admin-1')}${'A'.repeat(MAX_TOKEN_LENGTH)}`],
  [
    'an oversized token carrying a valid signature',
    () =>
      new SignJWT({ role: 'admin', padding: 'x'.repeat(MAX_TOKEN_LENGTH) })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('admin-1')
        .setJti('t-x')
        .setIssuer('coachline')
        .setAudience('coachline-api')
        .setExpirationTime('1h')
        .sign(KEY),
  ],
];

const NON_ADMINS = Role.values.filter((role) => role !== 'admin');

describeOnEachEngine('tokens under attack', (openStore) => {
  let program: TestStore;
  let register: TestStore;
  let api: TestApi;
  let admin: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const mint = async (id: string, role: Role, as = admin) => {
    const response = await api.http().post('/tokens').set(bearer(as)).send({ id, role });
    expect(response.status).toBe(201);
    return response.body as { token: string; id: string };
  };
  const start = (tokenStore: EventStore) => startTestApi(program.store, { tokenStore });

  beforeAll(async () => {
    program = await openStore('api');
    register = await openStore('tokens');
    api = await start(register.store);
    await seed(api, [
      ...communityFamily,
      ...coachFamily,
      { type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') },
    ]);
    admin = await api.token('admin', 'admin-1');
  });
  afterAll(async () => {
    await api.close();
    await register.dispose();
    await program.dispose();
  });

  it.each(FORGERIES)('refuses %s with 401 on every kind of route, and writes nothing', async (_name, forge) => {
    const token = await forge(api);
    const head = await api.store.headPosition();
    for (const request of [
      api.http().get('/views/dosage'),
      api.http().get('/tokens'),
      api.http().post('/tokens').send({ id: 'mallory', role: 'admin' }),
      api
        .http()
        .post(pathOf('LogSession', 'p-1'))
        .send(sessionBody('s-forged', '2025-09-16', 45)),
    ]) {
      const response = await request.set(bearer(token));
      expect([response.status, response.body.code]).toEqual([401, 'unauthenticated']);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect(await api.store.headPosition()).toBe(head);
  });

  it('answers a token too large for any header with 431, never 500', async () => {
    const response = await api
      .http()
      .get('/views/dosage')
      .set(bearer(`${admin}${'A'.repeat(20_000)}`));
    expect([response.status, response.body.code]).toEqual([431, 'headers-too-large']);
  });

  it('lists every token issued to admins, with its id, subject, role and span, and never its text', async () => {
    const coach = await mint('c-1', 'coach');
    const response = await api.http().get('/tokens?subject=c-1').set(bearer(admin));
    expect(response.status).toBe(200);
    const listed = (response.body.tokens as Array<Record<string, unknown>>).find((token) => token['id'] === coach.id);
    expect(listed).toEqual({
      id: coach.id,
      subject: 'c-1',
      role: 'coach',
      issuedAt: expect.any(String),
      expiresAt: expect.any(String),
      issuedBy: 'admin-1',
      state: 'active',
    });
    expect(JSON.stringify(response.body)).not.toContain(coach.token.split('.')[2]);
    expect((await api.http().get('/tokens?state=revoked&subject=nobody').set(bearer(admin))).body).toEqual({
      tokens: [],
    });
  });

  it('gives each token minted an id and a working day of life unless asked for another, up to 30 days', async () => {
    const minted = (await api.http().post('/tokens').set(bearer(admin)).send({ id: 'lead-1', role: 'leadership' }))
      .body as { id: string; issuedAt: string; expiresAt: string };
    expect(Date.parse(minted.expiresAt) - Date.parse(minted.issuedAt)).toBe(8 * 3_600_000);
    const longest = await api
      .http()
      .post('/tokens')
      .set(bearer(admin))
      .send({ id: 'lead-1', role: 'leadership', lifetimeSeconds: 30 * 86_400 });
    expect(longest.status).toBe(201);
    const tooLong = await api
      .http()
      .post('/tokens')
      .set(bearer(admin))
      .send({ id: 'lead-1', role: 'leadership', lifetimeSeconds: 30 * 86_400 + 1 });
    expect([tooLong.status, tooLong.body.errors[0].path]).toEqual([400, 'body.lifetimeSeconds']);
  });

  it('revokes a token with immediate effect, and revoking it again changes nothing', async () => {
    const coach = await mint('c-1', 'coach');
    expect((await api.http().get('/views/dosage').set(bearer(coach.token))).status).toBe(200);
    const revoked = await api.http().delete(`/tokens/${coach.id}`).set(bearer(admin));
    expect([revoked.status, revoked.body]).toEqual([
      200,
      expect.objectContaining({ id: coach.id, state: 'revoked', revokedBy: 'admin-1', revokedAt: expect.any(String) }),
    ]);
    const refused = await api.http().get('/views/dosage').set(bearer(coach.token));
    expect([refused.status, refused.body.message]).toEqual([
      401,
      'The token has been revoked: ask an admin for a new one.',
    ]);
    const head = await api.store.headPosition();
    expect(
      (
        await api
          .http()
          .post(pathOf('LogSession', 'p-1'))
          .set(bearer(coach.token))
          .send(sessionBody('s-revoked', '2025-09-16', 45))
      ).status,
    ).toBe(401);
    expect(await api.store.headPosition()).toBe(head);
    expect((await api.http().delete(`/tokens/${coach.id}`).set(bearer(admin))).body).toEqual(revoked.body);
  });

  it('keeps a revoked admin token from undoing anything: it cannot mint, list or revoke', async () => {
    const other = await mint('admin-2', 'admin');
    const victim = await mint('c-1', 'coach');
    await api.http().delete(`/tokens/${other.id}`).set(bearer(admin)).expect(200);
    expect(
      (await api.http().post('/tokens').set(bearer(other.token)).send({ id: 'admin-3', role: 'admin' })).status,
    ).toBe(401);
    expect((await api.http().get('/tokens').set(bearer(other.token))).status).toBe(401);
    expect((await api.http().delete(`/tokens/${victim.id}`).set(bearer(other.token))).status).toBe(401);
    expect((await api.http().get('/views/dosage').set(bearer(victim.token))).status).toBe(200);
  });

  it('answers a revocation of a token never issued with 404, and of something that is not an id with 400', async () => {
    const unknown = await api.http().delete('/tokens/0b6e6f6e-0000-4000-8000-000000000000').set(bearer(admin));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'token-not-found']);
    for (const id of ['__proto__', 'constructor', '%00', 'a%20b', 'x'.repeat(129)]) {
      const response = await api.http().delete(`/tokens/${id}`).set(bearer(admin));
      expect([id, response.status, response.body.errors[0].path]).toEqual([id, 400, 'params.id']);
    }
    const query = await api.http().get('/tokens?state=forgotten&colour=red').set(bearer(admin));
    expect([query.status, query.body.errors.map((e: { path: string }) => e.path)]).toEqual([
      400,
      ['query.state', 'query.colour'],
    ]);
  });

  it.each(NON_ADMINS)('lets no %s list or revoke tokens, and their attempt revokes nothing', async (role) => {
    const coach = await mint('c-1', 'coach');
    const someone = await mint(`${role}-9`, role);
    const listing = await api.http().get('/tokens').set(bearer(someone.token));
    expect([listing.status, listing.body.code, listing.body.message]).toEqual([
      403,
      'role-not-allowed',
      `The ${role} role may not list tokens.`,
    ]);
    const revoking = await api.http().delete(`/tokens/${coach.id}`).set(bearer(someone.token));
    expect([revoking.status, revoking.body.code]).toEqual([403, 'role-not-allowed']);
    const own = await api.http().delete(`/tokens/${someone.id}`).set(bearer(someone.token));
    expect(own.status).toBe(403);
    expect((await api.http().get('/views/dosage').set(bearer(coach.token))).status).toBe(200);
  });

  it('still refuses a revoked token after the API restarts, and still takes the others', async () => {
    const revoked = await mint('c-1', 'coach');
    const kept = await mint('c-1', 'coach');
    await api.http().delete(`/tokens/${revoked.id}`).set(bearer(admin)).expect(200);
    await api.close();
    api = await start(await register.openAnother());
    expect((await api.http().get('/views/dosage').set(bearer(revoked.token))).status).toBe(401);
    expect((await api.http().get('/views/dosage').set(bearer(kept.token))).status).toBe(200);
    const listed = (await api.http().get('/tokens?state=revoked').set(bearer(admin))).body.tokens as Array<{
      id: string;
    }>;
    expect(listed.map((token) => token.id)).toContain(revoked.id);
  });

  it('sees a revocation made by another API on the same register within moments', async () => {
    const coach = await mint('c-1', 'coach');
    const other = await start(await register.openAnother());
    try {
      await other.http().delete(`/tokens/${coach.id}`).set(bearer(admin)).expect(200);
      expect((await other.http().get('/views/dosage').set(bearer(coach.token))).status).toBe(401);
      const deadline = Date.now() + 10_000;
      let status = 200;
      while (status !== 401 && Date.now() < deadline) {
        status = (await api.http().get('/views/dosage').set(bearer(coach.token))).status;
        if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
