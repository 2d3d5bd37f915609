import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The repository's root: where `npm start` runs the API from. */
export const repositoryRoot = resolve(__dirname, '../../../..');

/** `npm start`: the API's build, built again first if a source is newer (root package.json). */
export const API_MAIN = ['tools/scripts/run-api.mjs', 'main'];

/** `npm run api:admin`: an admin's token, from the same build. */
export const ADMIN_TOKEN_MAIN = ['tools/scripts/run-api.mjs', 'admin-token.main'];

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

export const waitFor = async (check: () => Promise<boolean>, limitMs: number): Promise<void> => {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Not ready within ${limitMs} ms`);
};

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a Node.js script from the repository's root to its end; 'close', so no output is missed. */
export const runNode = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv): Promise<Finished> =>
  new Promise((done) => {
    const child = spawn(process.execPath, [...args], { cwd: repositoryRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });

/**
 * Builds the API unless its build is current, so a start after it writes nothing of a build on
 * stderr and spends none of a test's wait for the API's answer on one.
 */
export const apiBuilt = async (): Promise<void> => {
  const build = await runNode(['tools/scripts/build-apps.mjs', 'api', '--if-stale'], process.env);
  if (build.code !== 0) throw new Error(`The API's build failed: ${build.stderr}`);
};

/**
 * The environment of an API started as a newcomer starts it, on a folder of its own: nothing of
 * the caller's database, secret or log settings leaks in unless `extra` sets it.
 */
export const apiEnvironment = (dataDir: string, port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COACHLINE_DATA_DIR: dataDir,
    PORT: String(port),
  };
  for (const name of [
    'DATABASE_URL',
    'EVENTSTORE_URL',
    'COACHLINE_JWT_SECRET',
    'COACHLINE_KEY_FILE',
    'NODE_OPTIONS',
    'LOG_LEVEL',
  ])
    delete env[name];
  return { ...env, ...extra };
};
