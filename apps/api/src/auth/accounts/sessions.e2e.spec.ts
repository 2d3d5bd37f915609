import { SignJWT } from 'jose';
import type { Response } from 'supertest';
import { describeApiOnEachEngine } from '../../testing/engines';
import { enrollmentBody, pathOf } from '../../testing/program-script';
import { TEST_SECRET, type TestApi } from '../../testing/test-api';
import { SESSION_COOKIE } from '../session-cookie';

const PASSWORD = 'correct horse battery staple';
const ADMIN_PASSWORD = 'the first admin chose this';

/** The session cookie a response sets, as a browser sends it back: `name=value`. */
const cookieOf = (response: Response): string => {
  const set = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const session = set.find((line) => line.startsWith(`${SESSION_COOKIE}=`));
  if (session === undefined) throw new Error(`no session cookie in ${JSON.stringify(response.headers)}`);
  return session.split(';')[0]!;
};

const clearsCookie = (response: Response): boolean =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .some((line) => line.startsWith(`${SESSION_COOKIE}=;`) && line.includes('Max-Age=0'));

const codeOf = (signInLink: string): string => new URLSearchParams(signInLink.split('?')[1]).get('code')!;

describeApiOnEachEngine('browser sign-in: accounts, sessions, CSRF and the first admin', (open) => {
  let api: TestApi;
  let admin: { cookie: string; csrf: string };
  /** Every answer of the spec, to hold against the password hashes at the end. */
  const answers: string[] = [];
  const kept = (response: Response): Response => {
    answers.push(JSON.stringify(response.headers), response.text ?? '');
    return response;
  };

  const signIn = async (accountId: string, password: string) =>
    kept(await api.http().post('/sessions').send({ accountId, password }));

  /** A new account, through the admin's browser session; answers the link's code. */
  const createAccount = async (id: string, role: string): Promise<string> => {
    const created = kept(
      await api
        .http()
        .post('/accounts')
        .set('Cookie', admin.cookie)
        .set('X-Coachline-CSRF', admin.csrf)
        .send({ id, role }),
    );
    expect([created.status, created.body.id, created.body.role]).toEqual([201, id, role]);
    return codeOf(created.body.signInLink as string);
  };

  const withPassword = async (id: string, role: string): Promise<{ cookie: string; csrf: string }> => {
    const linked = kept(
      await api
        .http()
        .post('/sessions/link')
        .send({ code: await createAccount(id, role), password: PASSWORD }),
    );
    expect(linked.status).toBe(201);
    return { cookie: cookieOf(linked), csrf: linked.body.csrf as string };
  };

  beforeAll(async () => {
    api = await open();
  });

  it('creates the first admin once, with the setup code only, and signs them in', async () => {
    const wrongCode = kept(
      await api
        .http()
        .post('/setup')
        .send({ code: 'A'.repeat(43), accountId: 'admin-1', password: ADMIN_PASSWORD }),
    );
    expect([wrongCode.status, wrongCode.body.code]).toEqual([401, 'setup-refused']);
    const short = kept(
      await api.http().post('/setup').send({ code: api.setupCode, accountId: 'admin-1', password: 'short' }),
    );
    expect([short.status, short.body.errors.map((e: { path: string }) => e.path)]).toEqual([400, ['body.password']]);

    const setup = kept(
      await api.http().post('/setup').send({ code: api.setupCode, accountId: 'admin-1', password: ADMIN_PASSWORD }),
    );
    expect([setup.status, setup.body.accountId, setup.body.role]).toEqual([201, 'admin-1', 'admin']);
    const line = ([] as string[]).concat(setup.headers['set-cookie'] ?? [])[0]!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Strict/);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure/);
    admin = { cookie: cookieOf(setup), csrf: setup.body.csrf as string };

    const again = kept(
      await api.http().post('/setup').send({ code: api.setupCode, accountId: 'admin-2', password: ADMIN_PASSWORD }),
    );
    expect(again.status).toBe(401);
    const listed = kept(await api.http().get('/accounts').set('Cookie', admin.cookie));
    expect(listed.body.accounts.map((a: { id: string }) => a.id)).toEqual(['admin-1']);
  });

  it('keeps a session across reloads: the same cookie answers who is signed in each time', async () => {
    const first = kept(await api.http().get('/sessions/current').set('Cookie', admin.cookie));
    const second = kept(await api.http().get('/sessions/current').set('Cookie', admin.cookie));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body).toEqual(second.body);
    expect(first.body).toMatchObject({ accountId: 'admin-1', role: 'admin', reach: {}, csrf: admin.csrf });
    const none = kept(await api.http().get('/sessions/current'));
    expect(none.status).toBe(401);
  });

  it('lets admins alone create accounts: a coach is refused, a forged or tampered cookie is not signed in', async () => {
    const coach = await withPassword('c-1', 'coach');
    const byCoach = kept(
      await api
        .http()
        .post('/accounts')
        .set('Cookie', coach.cookie)
        .set('X-Coachline-CSRF', coach.csrf)
        .send({ id: 'c-2', role: 'admin' }),
    );
    expect([byCoach.status, byCoach.body.code]).toEqual([403, 'role-not-allowed']);

    const forged = kept(
      await api
        .http()
        .post('/accounts')
        .set('Cookie', `${SESSION_COOKIE}=not-a-token`)
        .set('X-Coachline-CSRF', coach.csrf)
        .send({ id: 'c-3', role: 'admin' }),
    );
    expect([forged.status, clearsCookie(forged)]).toEqual([401, true]);

    const [header, payload, signature] = coach.cookie.split('=')[1]!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${signature}`;
    const asAdmin = kept(
      await api
        .http()
        .post('/accounts')
        .set('Cookie', `${SESSION_COOKIE}=${tampered}`)
        .set('X-Coachline-CSRF', coach.csrf)
        .send({ id: 'c-4', role: 'admin' }),
    );
    expect([asAdmin.status, clearsCookie(asAdmin)]).toEqual([401, true]);

    const otherSecret = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin-1')
      .setJti('t-forged')
      .setIssuer('coachline')
      .setAudience('coachline-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(`${TEST_SECRET}-not`));
    const signedElsewhere = kept(await api.http().get('/accounts').set('Cookie', `${SESSION_COOKIE}=${otherSecret}`));
    expect(signedElsewhere.status).toBe(401);

    const listed = kept(await api.http().get('/accounts').set('Cookie', admin.cookie));
    expect(listed.body.accounts.map((a: { id: string }) => a.id).sort()).toEqual(['admin-1', 'c-1']);
    expect(listed.body.accounts.find((a: { id: string }) => a.id === 'c-1')).toMatchObject({
      role: 'coach',
      reach: { coachId: 'c-1' },
      state: 'active',
    });
    const duplicate = kept(
      await api
        .http()
        .post('/accounts')
        .set('Cookie', admin.cookie)
        .set('X-Coachline-CSRF', admin.csrf)
        .send({ id: 'c-1', role: 'coach' }),
    );
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'account-exists']);
  });

  it('refuses a change sent with the cookie but without the CSRF value, or with a wrong one, and writes nothing', async () => {
    const enroll = pathOf('EnrollProvider', 'p-csrf');
    for (const csrf of [undefined, 'wrong', `${admin.csrf}x`, admin.csrf.slice(1)]) {
      let sent = api.http().post(enroll).set('Cookie', admin.cookie);
      if (csrf !== undefined) sent = sent.set('X-Coachline-CSRF', csrf);
      const refused = kept(await sent.send(enrollmentBody('c-1')));
      expect([csrf, refused.status, refused.body.code, refused.body.errors[0].path]).toEqual([
        csrf,
        403,
        'csrf',
        'headers.x-coachline-csrf',
      ]);
      const account = kept(
        await (
          csrf === undefined
            ? api.http().post('/accounts').set('Cookie', admin.cookie)
            : api.http().post('/accounts').set('Cookie', admin.cookie).set('X-Coachline-CSRF', csrf)
        ).send({ id: 'never', role: 'coach' }),
      );
      expect(account.status).toBe(403);
    }
    const written = [];
    for await (const event of api.store.readStream('provider-p-csrf')) written.push(event);
    expect(written).toEqual([]);
    const listed = kept(await api.http().get('/accounts').set('Cookie', admin.cookie));
    expect(listed.body.accounts.map((a: { id: string }) => a.id)).not.toContain('never');
    // A bearer token needs no CSRF value: no page of another site can add an Authorization header.
    const bearer = await api
      .http()
      .post('/accounts')
      .set('Authorization', `Bearer ${await api.token('admin', 'admin-9')}`)
      .send({ id: 'by-bearer', role: 'auditor' });
    expect(bearer.status).toBe(201);
  });

  it('refuses a change sent with the cookie from another origin, whatever the CSRF value', async () => {
    const cross = kept(
      await api
        .http()
        .post('/accounts')
        .set('Cookie', admin.cookie)
        .set('X-Coachline-CSRF', admin.csrf)
        .set('Origin', 'https://elsewhere.example')
        .send({ id: 'from-elsewhere', role: 'coach' }),
    );
    expect([cross.status, cross.body.code, cross.body.errors[0].path]).toEqual([403, 'cross-origin', 'headers.origin']);
    const address = api.app.getHttpServer().address() as { port: number };
    const same = kept(
      await api
        .http()
        .post('/accounts')
        .set('Cookie', admin.cookie)
        .set('X-Coachline-CSRF', admin.csrf)
        .set('Host', `127.0.0.1:${address.port}`)
        .set('Origin', `http://127.0.0.1:${address.port}`)
        .send({ id: 'from-here', role: 'coach' }),
    );
    expect(same.status).toBe(201);
    // Nor may another site's page sign a visitor in, as anyone.
    for (const path of ['/sessions', '/sessions/link', '/setup']) {
      const signIn = kept(
        await api
          .http()
          .post(path)
          .set('Origin', 'https://elsewhere.example')
          .send({ accountId: 'admin-1', password: ADMIN_PASSWORD, code: api.setupCode }),
      );
      expect([path, signIn.status, signIn.body.code, signIn.headers['set-cookie']]).toEqual([
        path,
        403,
        'cross-origin',
        undefined,
      ]);
    }
  });

  it('lets a sign-in link be used once, within its day', async () => {
    const code = await createAccount('sup-1', 'supervisor');
    const noPassword = kept(await api.http().post('/sessions/link').send({ code }));
    expect([noPassword.status, noPassword.body.errors[0].path]).toEqual([400, 'body.password']);
    const used = kept(await api.http().post('/sessions/link').send({ code, password: PASSWORD }));
    expect(used.status).toBe(401);

    const fresh = await createAccount('sup-2', 'supervisor');
    const [first, second] = await Promise.all([
      api.http().post('/sessions/link').send({ code: fresh, password: PASSWORD }),
      api
        .http()
        .post('/sessions/link')
        .send({ code: fresh, password: `${PASSWORD}!` }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 401]);
    expect(kept(await api.http().post('/sessions/link').send({ code: fresh, password: PASSWORD })).status).toBe(401);

    const late = await createAccount('sup-3', 'supervisor');
    api.setNow(new Date(Date.parse('2026-01-15T12:00:00.000Z') + 24 * 3_600_000 + 1_000).toISOString());
    try {
      expect(kept(await api.http().post('/sessions/link').send({ code: late, password: PASSWORD })).status).toBe(401);
    } finally {
      api.setNow('2026-01-15T12:00:00.000Z');
    }
    const unknown = kept(
      await api
        .http()
        .post('/sessions/link')
        .send({ code: 'B'.repeat(43), password: PASSWORD }),
    );
    expect([unknown.status, unknown.body.code]).toEqual([401, 'sign-in-link-refused']);
  });

  it('signs in with a password, and out: the session is revoked, listed as such, and the cookie cleared', async () => {
    await withPassword('obs-1', 'observer');
    const wrongPassword = await signIn('obs-1', `${PASSWORD}?`);
    const unknownId = await signIn('nobody-here', PASSWORD);
    expect([wrongPassword.status, unknownId.status]).toEqual([401, 401]);
    expect(wrongPassword.body).toEqual(unknownId.body);

    const signedIn = await signIn('obs-1', PASSWORD);
    expect([signedIn.status, signedIn.body.role]).toEqual([201, 'observer']);
    const session = { cookie: cookieOf(signedIn), csrf: signedIn.body.csrf as string };

    const noCsrf = kept(await api.http().delete('/sessions/current').set('Cookie', session.cookie));
    expect([noCsrf.status, noCsrf.body.code]).toEqual([403, 'csrf']);
    const out = kept(
      await api.http().delete('/sessions/current').set('Cookie', session.cookie).set('X-Coachline-CSRF', session.csrf),
    );
    expect([out.status, clearsCookie(out)]).toEqual([204, true]);
    const after = kept(await api.http().get('/sessions/current').set('Cookie', session.cookie));
    expect([after.status, clearsCookie(after)]).toEqual([401, true]);
    const tokens = kept(await api.http().get('/tokens?subject=obs-1&state=revoked').set('Cookie', admin.cookie));
    expect(tokens.body.tokens).toHaveLength(1);
  });

  it('disables an account: its sessions end and it signs in no more', async () => {
    const provider = await withPassword('p-1', 'provider');
    expect(kept(await api.http().get('/sessions/current').set('Cookie', provider.cookie)).body.reach).toEqual({
      providerId: 'p-1',
    });
    const disabled = kept(
      await api.http().post('/accounts/p-1/disable').set('Cookie', admin.cookie).set('X-Coachline-CSRF', admin.csrf),
    );
    expect([disabled.status, disabled.body.state]).toEqual([200, 'disabled']);
    expect(kept(await api.http().get('/sessions/current').set('Cookie', provider.cookie)).status).toBe(401);
    expect((await signIn('p-1', PASSWORD)).status).toBe(401);
    const none = kept(
      await api.http().post('/accounts/nobody/disable').set('Cookie', admin.cookie).set('X-Coachline-CSRF', admin.csrf),
    );
    expect(none.status).toBe(404);
  });

  it('closes an id to signing in for 15 minutes after 5 wrong passwords, the right one included', async () => {
    await withPassword('eval-1', 'evaluator');
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await signIn('eval-1', 'wrong password!')).status).toBe(401);
    const closed = await signIn('eval-1', PASSWORD);
    expect([closed.status, closed.body.code]).toEqual([429, 'too-many-attempts']);
    expect(Number(closed.headers['retry-after'])).toBeGreaterThan(800);
    // Another id is not closed by it.
    expect((await signIn('obs-1', PASSWORD)).status).toBe(201);
  });

  it('refuses hostile ids and text in every field with one line naming each', async () => {
    const hostile: ReadonlyArray<readonly [string, string, object, string[]]> = [
      ['/sessions', 'post', { accountId: '__proto__', password: PASSWORD }, ['body.accountId']],
      ['/sessions', 'post', { accountId: 'a\nb', password: 'x\u0000y' }, ['body.accountId', 'body.password']],
      ['/sessions', 'post', { accountId: 'x'.repeat(129), password: '' }, ['body.accountId', 'body.password']],
      ['/sessions', 'post', { accountId: 'c-1', password: PASSWORD, role: 'admin' }, ['body.role']],
      ['/sessions/link', 'post', { code: '../../etc/passwd', password: PASSWORD }, ['body.code']],
      ['/sessions/link', 'post', { code: 'A'.repeat(43), password: 'x'.repeat(1_025) }, ['body.password']],
      ['/setup', 'post', { code: 'A'.repeat(43), accountId: 'constructor', password: PASSWORD }, ['body.accountId']],
      ['/accounts', 'post', { id: 'c\u202e1', role: 'coach' }, ['body.id']],
      ['/accounts', 'post', { id: 'c-9', role: 'root' }, ['body.role']],
      ['/accounts', 'post', { id: 'c-9', role: 'coach', coachId: 'c-1' }, ['body.coachId']],
      ['/accounts/%0Aa/disable', 'post', {}, ['params.id']],
    ];
    for (const [path, , body, fields] of hostile) {
      const refused = kept(
        await api.http().post(path).set('Cookie', admin.cookie).set('X-Coachline-CSRF', admin.csrf).send(body),
      );
      expect([path, refused.status]).toEqual([path, 400]);
      expect(refused.body.message).not.toMatch(/\n/);
      for (const field of fields) {
        expect([path, refused.body.errors.map((e: { path: string }) => e.path)]).toEqual([
          path,
          expect.arrayContaining([field]),
        ]);
        expect(refused.body.message).toContain(field);
      }
    }
  });

  it('never answers a password or its hash', async () => {
    const listed = kept(await api.http().get('/accounts').set('Cookie', admin.cookie));
    expect(listed.status).toBe(200);
    const everything = answers.join('\n');
    expect(everything).not.toContain('scrypt$');
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(ADMIN_PASSWORD);
  });
});
