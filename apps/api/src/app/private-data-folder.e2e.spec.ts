import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN_TOKEN_MAIN,
  API_MAIN,
  apiEnvironment,
  freePort,
  repositoryRoot,
  runNode,
  waitFor,
} from '../testing/api-process';
import { filesOpenToOthers } from '@coachline/eventstore/testing';

/**
 * The API as `npm start` runs it, on the embedded store, started from a shell whose umask (022)
 * would leave new files readable by everyone: its data folder stays its owner's, and a revoked
 * token stays revoked when the process is stopped and started again.
 */
describe('the API’s data folder and its token register, across a restart', () => {
  let parent: string;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let base: string;
  let api: ChildProcess | undefined;
  let umask: number;

  const start = async (): Promise<void> => {
    let banner = '';
    api = spawn(process.execPath, API_MAIN, {
      cwd: repositoryRoot,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    api.stderr!.on('data', (chunk) => (banner += chunk));
    await waitFor(async () => banner.includes('listening on') && (await fetch(`${base}/health`)).ok, 120_000);
  };
  const stop = async (): Promise<void> => {
    const closed = new Promise((done) => api!.on('close', done));
    api!.kill('SIGTERM');
    await closed;
    api = undefined;
  };
  const call = (method: string, path: string, token: string, body?: object) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    umask = process.umask(0o022);
    parent = await mkdtemp(join(tmpdir(), 'coachline-private-'));
    dataDir = join(parent, 'data');
    const port = await freePort();
    env = apiEnvironment(dataDir, port);
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
    process.umask(umask);
    await rm(parent, { recursive: true, force: true });
  });

  it('keeps every folder 0700 and every file 0600, and a revocation, through writes and a restart', async () => {
    const minted = await runNode([...ADMIN_TOKEN_MAIN, '--id', 'admin-1'], env);
    expect(minted.code).toBe(0);
    const admin = minted.stdout.trim();
    const adminTokenId = /Admin token (\S+) for admin-1/.exec(minted.stderr)?.[1];
    expect(adminTokenId).toBeDefined();
    expect(await filesOpenToOthers(dataDir)).toEqual([]);

    await start();
    expect(await filesOpenToOthers(dataDir)).toEqual([]);
    expect(
      (await call('POST', '/communities/kent/registration', admin, { name: 'Kent County', kind: 'county' })).status,
    ).toBe(201);
    expect((await call('GET', '/streams/community-kent', admin)).status).toBe(200);
    const coach = (await (await call('POST', '/tokens', admin, { id: 'c-1', role: 'coach' })).json()) as {
      token: string;
      id: string;
    };
    expect((await call('DELETE', `/tokens/${coach.id}`, admin)).status).toBe(200);
    expect((await call('GET', '/views/dosage', coach.token)).status).toBe(401);
    const listed = (await (await call('GET', '/tokens', admin)).json()) as {
      tokens: Array<{ id: string; state: string }>;
    };
    expect(listed.tokens.map(({ id, state }) => ({ id, state }))).toEqual([
      { id: adminTokenId, state: 'active' },
      { id: coach.id, state: 'revoked' },
    ]);
    const written = await readdir(dataDir);
    expect(written).toEqual(expect.arrayContaining(['jwt-secret', 'access-log.jsonl', 'tokens.jsonl', 'PG_VERSION']));
    expect(await filesOpenToOthers(dataDir)).toEqual([]);
    await stop();

    await start();
    expect((await call('GET', '/views/dosage', coach.token)).status).toBe(401);
    expect((await call('GET', '/views/dosage', admin)).status).toBe(200);
    expect((await call('DELETE', `/tokens/${adminTokenId}`, admin)).status).toBe(200);
    expect((await call('GET', '/views/dosage', admin)).status).toBe(401);
    expect(await filesOpenToOthers(dataDir)).toEqual([]);
    await stop();
    // The folder that holds the data folder, with whatever else the API keeps beside it.
    expect(await filesOpenToOthers(parent)).toEqual([]);
  }, 300_000);
});
