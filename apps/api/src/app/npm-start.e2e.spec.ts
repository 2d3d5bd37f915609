import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
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

describe('starting the API the way a newcomer does', () => {
  let dataDir: string;
  let api: ChildProcess | undefined;
  let logs = '';
  let banner = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'coachline-api-'));
  });
  afterAll(async () => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    // The key file's folder, made beside the data folder.
    await rm(`${dataDir}-keys`, { recursive: true, force: true });
  });

  it('starts on embedded PGlite, takes a command, answers a view, and stops on SIGTERM', async () => {
    const port = await freePort();
    const env = apiEnvironment(dataDir, port);
    const admin = await runNode([...ADMIN_TOKEN_MAIN, '--id', 'admin-1'], env);
    expect(admin.code).toBe(0);
    const token = admin.stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    expect((await stat(join(dataDir, 'jwt-secret'))).mode & 0o777).toBe(0o600);

    api = spawn(process.execPath, API_MAIN, { cwd: repositoryRoot, env });
    api.stdout!.on('data', (chunk) => (logs += chunk));
    api.stderr!.on('data', (chunk) => (banner += chunk));
    const base = `http://127.0.0.1:${port}`;
    // The banner is written once the server listens, so /health may answer a moment before it arrives.
    await waitFor(async () => banner.includes('listening on') && (await fetch(`${base}/health`)).ok, 90_000);
    expect(banner).toContain(`Coachline API listening on ${base}`);
    expect(banner).toContain(`embedded PostgreSQL (PGlite) in ${dataDir}`);
    expect(banner).toContain(`Children's keys are wrapped under the key file ${dataDir}-keys/`);

    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-correlation-id': 'newcomer-1',
    };
    const registered = await fetch(`${base}/communities/kent/registration`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Kent County', kind: 'county' }),
    });
    expect(registered.status).toBe(201);
    const { position } = (await registered.json()) as { position: number };
    const timeline = await fetch(`${base}/views/timeline?waitForPosition=${position}`, { headers });
    expect(timeline.status).toBe(200);
    expect(
      ((await timeline.json()) as { communities: Array<{ communityId: string }> }).communities.map(
        (c) => c.communityId,
      ),
    ).toEqual(['kent']);

    // Nest closes the app on SIGTERM, then lets the signal end the process as it would have.
    // 'close', not 'exit': the last lines may still be in the pipe when the process has exited.
    const exited = new Promise<NodeJS.Signals | null>((done) => api!.on('close', (_code, signal) => done(signal)));
    api.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    const lines = logs
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ commandType: 'RegisterCommunity', correlationId: 'newcomer-1' }),
      ]),
    );
    expect(lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ context: 'Lifecycle', msg: 'Stopped', signal: 'SIGTERM' })]),
    );
  }, 120_000);
});
