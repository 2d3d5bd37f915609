// Starts the API as a reader does (`npm start`), on a store of the guide's own and a free port.
import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import type { ApiStart } from './guide-blocks';

export const repositoryRoot = resolve(__dirname, '../..');

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

export interface RunningApi {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  stop(): Promise<void>;
}

const STARTUP_LIMIT_MS = 120_000;

export const startApi = async (folder: string, start: ApiStart, baseEnv: NodeJS.ProcessEnv): Promise<RunningApi> => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...baseEnv, PORT: String(port) };
  for (const [name, value] of start.env)
    env[name] = value.startsWith('.') && !isAbsolute(value) ? join(folder, value) : value;
  const dataDir = env['COACHLINE_DATA_DIR'] ?? join(folder, '.coachline');
  env['COACHLINE_DATA_DIR'] = dataDir;
  const logPath = join(folder, `.api-${port}.log`);
  const log = openSync(logPath, 'w');
  const api = spawn('npm', ['start', '--silent'], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  const exited = new Promise<void>((done) => api.once('exit', () => done()));
  const stop = async (): Promise<void> => {
    if (api.exitCode !== null || api.signalCode !== null || api.pid === undefined) return;
    process.kill(-api.pid, 'SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  for (;;) {
    const banner = readFileSync(logPath, 'utf8');
    if (
      banner.includes('listening on') &&
      (await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      ))
    )
      return { url, port, dataDir, stop };
    if (api.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`npm start did not come up on port ${port}:\n${banner}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
};
