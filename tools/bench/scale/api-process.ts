/**
 * The API's build started as `npm start` starts it, timed from the spawn to its first `/health`
 * answer and to `/health/ready` (views caught up), its peak resident memory read from
 * /proc/<pid>/status (VmHWM) while it runs, and the time it takes to exit on SIGTERM.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_MAIN, freePort } from '../api/servers';

const root = join(__dirname, '..', '..', '..');

/**
 * `BENCH_CPU_PROF=<folder>`: each start writes a V8 CPU profile there when it stops, with the
 * API benchmark's hook that lets a SIGTERM end the process by itself (Node writes no profile
 * for a process a signal ends).
 */
const profiling = (): string[] => {
  const folder = process.env['BENCH_CPU_PROF'];
  if (!folder) return [];
  const hook = join('tools', 'bench', 'api', 'profile-on-exit.mjs');
  if (!existsSync(join(root, hook))) throw new Error(`BENCH_CPU_PROF needs ${hook}`);
  return ['--cpu-prof', `--cpu-prof-dir=${folder}`, '--import', `./${hook}`];
};

/** The event loop's delay in milliseconds, over a stretch of the API's life. */
export interface LoopDelay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Processor seconds (user and system) a live process has used; undefined once it has gone. */
const processorSeconds = (pid: number): number | undefined => {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
};

export interface StartTimes {
  /** Seconds from the spawn to the first 200 of `/health`. */
  readonly health: number;
  /** Seconds from the spawn to the first 200 of `/health/ready`. */
  readonly ready: number;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** VmHWM of a live process in MB; undefined once it has gone. */
const peakRssMb = (pid: number): number | undefined => {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
};

const answers = (url: string): Promise<boolean> =>
  fetch(url).then(
    async (response) => (await response.arrayBuffer(), response.ok),
    () => false,
  );

export class ApiProcess {
  private readonly child: ChildProcess;
  private readonly sampler: NodeJS.Timeout;
  private stderr = '';
  private peakMb = 0;
  private readonly started = process.hrtime.bigint();
  private readonly loopDelayFile: string;

  private constructor(
    readonly url: string,
    env: Record<string, string>,
    port: number,
  ) {
    this.loopDelayFile = join(tmpdir(), `coachline-bench-loop-delay-${process.pid}-${port}.json`);
    const loopDelay = ['--import', `./${join('tools', 'bench', 'scale', 'loop-delay.mjs')}`];
    this.child = spawn(process.execPath, [...profiling(), ...loopDelay, ...API_MAIN], {
      cwd: root,
      env: { ...process.env, ...env, PORT: String(port), BENCH_LOOP_DELAY_FILE: this.loopDelayFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    this.sampler = setInterval(() => this.sample(), 200);
  }

  static async spawn(env: Record<string, string>): Promise<ApiProcess> {
    const port = await freePort();
    return new ApiProcess(`http://127.0.0.1:${port}`, env, port);
  }

  /** True when `npm start`'s staleness check built the API again inside the timed start (a source changed meanwhile). */
  get builtAtStart(): boolean {
    return this.stderr.includes('Built the API before running it');
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The highest VmHWM seen, in MB. */
  get peakRss(): number {
    this.sample();
    return this.peakMb;
  }

  /** Processor seconds the API has used so far. */
  get processorSeconds(): number {
    const used = this.child.pid === undefined ? undefined : processorSeconds(this.child.pid);
    if (used === undefined) throw new Error('the API has exited: its processor time cannot be read');
    return used;
  }

  /** The event loop's delay since the last call (since the start for the first), and starts afresh. */
  async loopDelay(): Promise<LoopDelay> {
    rmSync(this.loopDelayFile, { force: true });
    this.child.kill('SIGWINCH');
    const deadline = Date.now() + 5_000;
    while (!existsSync(this.loopDelayFile)) {
      if (Date.now() > deadline) throw new Error(`the API did not report its event loop's delay: ${this.lastError()}`);
      await pause(20);
    }
    const delay = JSON.parse(readFileSync(this.loopDelayFile, 'utf8')) as LoopDelay;
    rmSync(this.loopDelayFile, { force: true });
    return delay;
  }

  private sample(): void {
    if (this.child.pid === undefined) return;
    const mb = peakRssMb(this.child.pid);
    if (mb !== undefined) this.peakMb = Math.max(this.peakMb, mb);
  }

  private async until(path: string, deadline: number, everyMs: number): Promise<number> {
    for (;;) {
      if (!this.running)
        throw new Error(`the API exited (${this.child.exitCode ?? this.child.signalCode}): ${this.lastError()}`);
      if (await answers(`${this.url}${path}`)) return seconds(this.started);
      if (Date.now() > deadline) throw new Error(`the API did not answer ${path} 200 in time: ${this.lastError()}`);
      await pause(everyMs);
    }
  }

  /** The last lines the API wrote on stderr. */
  get lastWords(): string {
    return this.lastError();
  }

  private lastError(): string {
    return this.stderr.trim().split('\n').slice(-3).join(' / ') || 'nothing on stderr';
  }

  /** Waits for `/health`, then for `/health/ready`, within `timeoutSeconds` of the spawn. */
  async startTimes(timeoutSeconds: number): Promise<StartTimes> {
    const deadline = Date.now() + timeoutSeconds * 1000;
    const health = await this.until('/health', deadline, 20);
    const ready = await this.until('/health/ready', deadline, 100);
    return { health, ready };
  }

  /** SIGTERM, then the seconds until the process has gone; SIGKILL after `graceSeconds`. */
  async stop(graceSeconds = 60): Promise<number> {
    if (!this.running) return (clearInterval(this.sampler), 0);
    const sent = process.hrtime.bigint();
    const exited = new Promise<void>((done) => this.child.once('exit', () => done()));
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), graceSeconds * 1000);
    await exited;
    clearTimeout(killer);
    clearInterval(this.sampler);
    return seconds(sent);
  }
}
