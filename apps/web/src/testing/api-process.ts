import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's root: where `npm start` runs the API from. */
export const repositoryRoot = resolve(__dirname, '../../../..');

/** An API started as `npm start` starts it, on an embedded store of its own, serving the web app's build. */
export interface WebApi {
  /** `http://127.0.0.1:<port>`: the page's origin and the API's. */
  readonly url: string;
  /** The one-time setup address's code, printed by the start while no account exists. */
  readonly setupCode: string | undefined;
  /** An admin's Bearer token, minted before the start as `npm run api:admin` mints it. */
  readonly adminToken: string;
  /** What the start printed so far. */
  output(): string;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** The caller's database, secret and log settings stay out: the API knows only its own folder. */
const environment = (dataDir: string, port: number): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, COACHLINE_DATA_DIR: dataDir, PORT: String(port) };
  for (const name of [
    'DATABASE_URL',
    'EVENTSTORE_URL',
    'COACHLINE_JWT_SECRET',
    'COACHLINE_KEY_FILE',
    'COACHLINE_SIGNING_KEY_FILE',
    'COACHLINE_WEB_DIR',
    'NODE_OPTIONS',
    'LOG_LEVEL',
  ])
    delete env[name];
  // The request log would bury the banner and a failure's cause in the test's output.
  return { ...env, LOG_LEVEL: 'warn' };
};

const runToEnd = (
  args: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((done) => {
    const child = spawn(process.execPath, [...args], { cwd: repositoryRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });

const ended = (child: ChildProcess): Promise<void> =>
  new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });

/**
 * Starts the API's build (`tools/scripts/run-api.mjs main`) on a fresh data folder (0700) with
 * an embedded PGlite store, after minting an admin token in it; resolves once the start-up banner
 * is printed. The embedded store is one process's, so the token is minted before the start.
 */
export const startWebApi = async (): Promise<WebApi> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'coachline-web-'));
  chmodSync(dataDir, 0o700);
  const port = await freePort();
  const env = environment(dataDir, port);
  const minted = await runToEnd(['tools/scripts/run-api.mjs', 'admin-token.main', '--id', 'admin-harness'], env);
  if (minted.code !== 0) throw new Error(`Minting the admin token failed: ${minted.stderr}`);
  const adminToken = minted.stdout.trim();
  const child = spawn(process.execPath, ['tools/scripts/run-api.mjs', 'main'], { cwd: repositoryRoot, env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      fail(new Error(`The API did not start within 60 s:\n${output}`));
    }, 60_000);
    const check = () => {
      if (output.includes('Coachline API listening on') && output.includes('api:admin')) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The API stopped (${code}) before it listened:\n${output}`));
    });
  });
  const setupCode = /#\/setup\?code=(\S+)/.exec(output)?.[1];
  return {
    url,
    setupCode,
    adminToken,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await ended(child);
      // The start keeps the children's key file in a folder beside the data folder.
      for (const folder of [dataDir, `${dataDir}-keys`]) rmSync(folder, { recursive: true, force: true });
    },
  };
};
