import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const NODE_ARGS = ['-r', '@swc-node/register'];

/**
 * The API as `npm start` runs it, on a fixed port so clients find it again after each restart.
 * Its output goes to a log file, and the last part is kept to explain a start that fails.
 */
export class ApiProcess {
  private child: ChildProcess | undefined;
  private output = '';
  readonly url: string;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    port: number,
    readonly logFile: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** A token for the first admin, minted with the API's own signing secret. */
  adminToken(id: string): string {
    const run = spawnSync(process.execPath, [...NODE_ARGS, 'apps/api/src/auth/admin-token.main.ts', '--id', id], {
      cwd: root,
      env: this.env,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`could not mint an admin token: ${run.stderr}`);
    return run.stdout.trim();
  }

  async start(limitMs = 120_000): Promise<number> {
    const started = Date.now();
    const child = spawn(process.execPath, [...NODE_ARGS, 'apps/api/src/main.ts'], {
      cwd: root,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      appendFileSync(this.logFile, chunk);
      this.output = (this.output + String(chunk)).slice(-8_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the API exited on start (${child.exitCode ?? child.signalCode}):\n${this.output}`);
      if (
        await fetch(`${this.url}/health/ready`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return Date.now() - started;
      if (Date.now() - started > limitMs)
        throw new Error(`the API was not ready within ${limitMs} ms:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * Stops the process with the signal and waits for it to be gone. A shutdown that hangs past
   * the limit is ended with SIGKILL and reported as forced.
   */
  stop(signal: 'SIGTERM' | 'SIGKILL', limitMs = 30_000): Promise<{ ms: number; forced: boolean }> {
    const child = this.child;
    const started = Date.now();
    return new Promise((done) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return done({ ms: 0, forced: false });
      let forced = false;
      const guard = setTimeout(() => {
        forced = true;
        child.kill('SIGKILL');
      }, limitMs);
      child.once('exit', () => {
        clearTimeout(guard);
        done({ ms: Date.now() - started, forced });
      });
      child.kill(signal);
    });
  }

  recentOutput(): string {
    return this.output;
  }
}
