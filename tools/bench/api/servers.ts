import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** `npm start`: the API's build, built again first if a source is newer than it. */
export const API_MAIN = ['tools/scripts/run-api.mjs', 'main'];

/** `npm run api:admin`: an admin's token, from the same build. */
export const ADMIN_TOKEN_MAIN = ['tools/scripts/run-api.mjs', 'admin-token.main'];

/** The benchmark's baseline, a TypeScript file of its own, compiled as it loads with the tools' settings. */
export const BARE_APP_MAIN = ['--import', 'tsx', 'tools/bench/api/bare-app.ts'];
export const BARE_APP_ENV = { TSX_TSCONFIG_PATH: 'tools/tsconfig.json' };

/**
 * Builds the API unless its build is current, before anything is timed: a start would build it
 * too, and count the build as part of starting.
 */
export const buildApi = (): void => {
  const build = spawnSync(process.execPath, ['tools/scripts/build-apps.mjs', 'api', '--if-stale'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`the API's build failed (${build.status ?? build.signal})`);
};

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Node.js with these arguments (`API_MAIN`, `BARE_APP_MAIN`), from the workspace root, on a port of its own. */
export const startServer = async (
  args: ReadonlyArray<string>,
  env: Record<string, string>,
  readyPath: string,
): Promise<RunningServer> => {
  const port = await freePort();
  const entry = args.join(' ');
  const child: ChildProcess = spawn(process.execPath, [...args], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited (${child.exitCode}): ${stderr}`);
    if (
      await fetch(`${url}${readyPath}`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`${entry} did not answer within 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
};
