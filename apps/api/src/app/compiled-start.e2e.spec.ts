import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
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

/** Writes every CommonJS file the process loads to stderr, behind PREFIX. */
const PRELOAD = ['-r', join(repositoryRoot, 'tools', 'scripts', 'report-module-loads.cjs')];
const PREFIX = 'module-load: ';

const loadedIn = (stderr: string): string[] =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith(PREFIX))
    .map((line) => line.slice(PREFIX.length));

/** What the process loaded from the repository itself, rather than from installed packages. */
const ownFiles = (loaded: ReadonlyArray<string>) => loaded.filter((file) => !file.includes('/node_modules/'));

const compiledTypeScript = (loaded: ReadonlyArray<string>) =>
  loaded.filter((file) => /\.[cm]?tsx?$/.test(file) || /\/node_modules\/(tsx|@swc-node|@swc\/core)\//.test(file));

describe('npm start and npm run api:admin run the API’s build', () => {
  let dataDir: string;
  let api: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'coachline-compiled-api-'));
  });
  afterAll(async () => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}-keys`, { recursive: true, force: true });
  });

  it('mints an admin token from the bundle, without compiling any TypeScript', async () => {
    const minted = await runNode([...PRELOAD, ...ADMIN_TOKEN_MAIN, '--id', 'admin-1'], apiEnvironment(dataDir, 0));
    expect(minted.code).toBe(0);
    expect(minted.stdout.trim().split('.')).toHaveLength(3);
    const loaded = loadedIn(minted.stderr);
    expect(ownFiles(loaded)).toEqual([join(repositoryRoot, 'apps', 'api', 'dist', 'admin-token.main.js')]);
    expect(compiledTypeScript(loaded)).toEqual([]);
    // The token alone needs neither NestJS nor the HTTP server.
    expect(loaded.filter((file) => file.includes('/node_modules/@nestjs/'))).toEqual([]);
  });

  it('answers /health from the bundle, without compiling any TypeScript', async () => {
    const port = await freePort();
    let stderr = '';
    api = spawn(process.execPath, [...PRELOAD, ...API_MAIN], {
      cwd: repositoryRoot,
      env: apiEnvironment(dataDir, port),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    api.stderr!.on('data', (chunk) => (stderr += chunk));
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok, 90_000);
    const closed = new Promise((done) => api!.on('close', done));
    api.kill('SIGTERM');
    await closed;

    const loaded = loadedIn(stderr);
    expect(ownFiles(loaded)).toEqual([join(repositoryRoot, 'apps', 'api', 'dist', 'main.js')]);
    expect(compiledTypeScript(loaded)).toEqual([]);
    expect(loaded).toEqual(expect.arrayContaining([expect.stringContaining('/node_modules/@nestjs/core/')]));
  }, 120_000);
});
