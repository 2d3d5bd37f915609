import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_TOKEN_MAIN, API_MAIN, buildApi } from '../bench/api/servers';

const root = join(__dirname, '..', '..');

/**
 * The API as `npm start` runs it, on a fixed port so clients find it again after each restart.
 * Its output goes to a log file, and the last part is kept to explain a start that fails.
 */
export class ApiProcess {
  private child: ChildProcess | undefined;
  private output = '';
  private built = false;
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
    const run = spawnSync(process.execPath, [...ADMIN_TOKEN_MAIN, '--id', id], {
      cwd: root,
      env: this.env,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`could not mint an admin token: ${run.stderr}`);
    return run.stdout.trim();
  }

  /**
   * Starts the API and answers how long it took to be ready. The first start brings the build up
   * to date beforehand, outside that time, so the times measure starts; a source changed during
   * the run is built again by the restart after it, as `npm start` does, and says so in the log.
   */
  async start(limitMs = 120_000): Promise<number> {
    if (!this.built) buildApi();
    this.built = true;
    const started = Date.now();
    const child = spawn(process.execPath, API_MAIN, {
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
