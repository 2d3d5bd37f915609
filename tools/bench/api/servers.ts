import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** `npm start`: the API's build, built again first if a source is newer than it, with the same Node.js flags. */
export const API_MAIN = ['--max-semi-space-size=64', 'tools/scripts/run-api.mjs', 'main'];

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

/**
 * `BENCH_CPU_PROF=<folder>`: each server started writes a V8 CPU profile there when it stops
 * (open it in Chrome's DevTools or speedscope), to see where a run's time went.
 */
const profiling = (): string[] => {
  const folder = process.env['BENCH_CPU_PROF'];
  if (!folder) return [];
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${folder}`,
    '--import',
    `./${join('tools', 'bench', 'api', 'profile-on-exit.mjs')}`,
  ];
};

/**
 * `BENCH_GC=1`: each server started reports the collector's pauses (gc-pauses.mjs) to a file of
 * its own, which `gcPauses` reads: how many, how long in all, the longest.
 */
const gcWatch = (): string[] =>
  process.env['BENCH_GC'] ? ['--import', `./${join('tools', 'bench', 'api', 'gc-pauses.mjs')}`] : [];

export interface GcPauses {
  readonly young: { readonly count: number; readonly ms: number; readonly longestMs: number };
  readonly old: { readonly count: number; readonly ms: number; readonly longestMs: number };
}

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
  /**
   * The processor time the server has used so far (user and system), in milliseconds; `undefined`
   * where /proc cannot tell. On a shared machine this says more than the rate of answers: others'
   * work delays a server but does not add to its own time.
   */
  cpuMs(): number | undefined;
  /** The collector's pauses so far, with `BENCH_GC=1`; `undefined` without it. */
  gcPauses(): GcPauses | undefined;
  stop(): Promise<void>;
}

/** Clock ticks per second as Linux reports /proc times: 100 on every usual kernel. */
const TICKS_PER_SECOND = 100;

const cpuMsOf = (pid: number | undefined): number | undefined => {
  if (pid === undefined) return undefined;
  try {
    // The fields after the command's name, which is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime: fields 14 and 15 of the whole line, 12 and 13 counted from the state.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
};

/** Node.js with these arguments (`API_MAIN`, `BARE_APP_MAIN`), from the workspace root, on a port of its own. */
export const startServer = async (
  args: ReadonlyArray<string>,
  env: Record<string, string>,
  readyPath: string,
): Promise<RunningServer> => {
  const port = await freePort();
  const entry = args.join(' ');
  const gcFile = join(tmpdir(), `coachline-bench-gc-${process.pid}-${port}.json`);
  const child: ChildProcess = spawn(process.execPath, [...profiling(), ...gcWatch(), ...args], {
    cwd: root,
    env: { ...process.env, PORT: String(port), BENCH_GC_FILE: gcFile, ...env },
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
    cpuMs: () => cpuMsOf(child.pid),
    gcPauses: () => {
      if (!process.env['BENCH_GC']) return undefined;
      try {
        return JSON.parse(readFileSync(gcFile, 'utf8')) as GcPauses;
      } catch {
        return undefined;
      }
    },
    stop: () =>
      new Promise<void>((done) => {
        const gone = () => {
          rmSync(gcFile, { force: true });
          done();
        };
        if (child.exitCode !== null || child.signalCode !== null) return gone();
        child.once('exit', gone);
        child.kill('SIGTERM');
      }),
  };
};
