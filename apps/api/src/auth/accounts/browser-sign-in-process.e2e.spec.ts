import { ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesOpenToOthers } from '@coachline/eventstore/testing';
import { API_MAIN, apiEnvironment, freePort, repositoryRoot, waitFor } from '../../testing/api-process';
import { SESSION_COOKIE } from '../session-cookie';
import { ACCOUNT_REGISTER_FILE } from './open-account-register';

const ADMIN_PASSWORD = 'the first admin of the year';
const COACH_PASSWORD = 'a coach chose this one';

/**
 * The API as `npm start` runs it, started by a newcomer with no account yet: the banner's setup
 * address creates the first admin, the accounts outlive a restart in a file of the owner's only,
 * and no log line ever holds a password, its hash, or a one-time code.
 */
describe('browser sign-in in the started API', () => {
  let parent: string;
  let dataDir: string;
  let webDir: string;
  let env: NodeJS.ProcessEnv;
  let base: string;
  let api: ChildProcess | undefined;
  let umask: number;
  let output = '';

  const start = async (): Promise<string> => {
    let banner = '';
    api = spawn(process.execPath, API_MAIN, { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    api.stdout!.on('data', (chunk) => (output += chunk));
    api.stderr!.on('data', (chunk) => {
      banner += chunk;
      output += chunk;
    });
    await waitFor(async () => banner.includes('listening on') && (await fetch(`${base}/health`)).ok, 120_000);
    return banner;
  };
  const stop = async (): Promise<void> => {
    const closed = new Promise((done) => api!.on('close', done));
    api!.kill('SIGTERM');
    await closed;
    api = undefined;
  };
  const post = (path: string, body: object, session?: { cookie: string; csrf: string }) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(session === undefined ? {} : { cookie: session.cookie, 'x-coachline-csrf': session.csrf }),
      },
      body: JSON.stringify(body),
    });
  const sessionOf = async (response: Response) => ({
    cookie: response.headers.getSetCookie()[0]!.split(';')[0]!,
    csrf: ((await response.json()) as { csrf: string }).csrf,
  });

  beforeAll(async () => {
    umask = process.umask(0o022);
    parent = await mkdtemp(join(tmpdir(), 'coachline-sign-in-'));
    dataDir = join(parent, 'data');
    webDir = join(parent, 'web');
    await mkdir(join(webDir, 'assets'), { recursive: true });
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Coachline</title>');
    const port = await freePort();
    env = apiEnvironment(dataDir, port, { COACHLINE_WEB_DIR: webDir, LOG_LEVEL: 'debug' });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
    process.umask(umask);
    await rm(parent, { recursive: true, force: true });
  });

  it('creates the first admin from the banner’s address, keeps accounts privately across a restart, and logs no secret', async () => {
    const banner = await start();
    const setupCode = new RegExp(`Open ${base}/#/setup\\?code=([A-Za-z0-9_-]{43}) to create the first admin\\.`).exec(
      banner,
    )?.[1];
    expect(setupCode).toBeDefined();
    expect(banner).toContain('npm run api:admin -- --id admin-1');
    expect(await (await fetch(`${base}/`)).text()).toBe('<!doctype html><title>Coachline</title>');

    const setup = await post('/setup', { code: setupCode, accountId: 'admin-1', password: ADMIN_PASSWORD });
    expect(setup.status).toBe(201);
    const admin = await sessionOf(setup);
    expect(admin.cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    const created = await post('/accounts', { id: 'c-1', role: 'coach' }, admin);
    expect(created.status).toBe(201);
    const { signInLink } = (await created.json()) as { signInLink: string };
    const linkCode = new URLSearchParams(signInLink.split('?')[1]).get('code')!;
    expect((await post('/sessions/link', { code: linkCode, password: COACH_PASSWORD })).status).toBe(201);
    expect((await post('/sessions', { accountId: 'c-1', password: 'not the password' })).status).toBe(401);

    const ledger = join(dataDir, ACCOUNT_REGISTER_FILE);
    expect((await stat(ledger)).mode & 0o777).toBe(0o600);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect(await filesOpenToOthers(dataDir)).toEqual([]);
    const kept = await readFile(ledger, 'utf8');
    expect(kept).toContain('scrypt$');
    for (const secret of [ADMIN_PASSWORD, COACH_PASSWORD, linkCode, setupCode!]) expect(kept).not.toContain(secret);
    await stop();

    const again = await start();
    expect(again).not.toContain('/#/setup?code=');
    const signedIn = await post('/sessions', { accountId: 'c-1', password: COACH_PASSWORD });
    expect(signedIn.status).toBe(201);
    const coach = await sessionOf(signedIn);
    const current = await fetch(`${base}/sessions/current`, { headers: { cookie: coach.cookie } });
    expect(((await current.json()) as { reach: object }).reach).toEqual({ coachId: 'c-1' });
    expect((await post('/setup', { code: setupCode, accountId: 'admin-2', password: ADMIN_PASSWORD })).status).toBe(
      401,
    );
    await stop();

    expect(output).toContain('/sessions');
    for (const secret of ['scrypt$', ADMIN_PASSWORD, COACH_PASSWORD, linkCode, coach.cookie.split('=')[1]!])
      expect([secret, output.includes(secret)]).toEqual([secret, false]);
  }, 300_000);
});
