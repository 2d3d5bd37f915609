/** Wall times of processes from spawn to exit, and of the API from spawn to its first healthy answer. */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Sample {
  readonly label: string;
  readonly ms: number[];
  /** Peak resident memory of each run, where it was measured. */
  readonly peakRssMb?: number[];
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** One run of `node <args>` to its end; a failing run stops the benchmark, its figure would mean nothing. */
export const runOnce = (args: ReadonlyArray<string>, cwd: string): number => {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [...args], { cwd, encoding: 'utf8' });
  const ms = elapsedMs(start);
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr}`);
  return ms;
};

/**
 * Each command `runs` times, taking turns (a, b, c, a, b, c, ...), so that a burst of load on the
 * machine falls on all of them rather than on whichever happened to be running.
 */
export const interleaved = (
  commands: ReadonlyArray<{ label: string; args: ReadonlyArray<string> }>,
  runs: number,
  cwd: string,
): Sample[] => {
  const samples = commands.map(({ label }) => ({ label, ms: [] as number[] }));
  // One run each first, not counted: the file system cache and the disk are warm for all alike.
  for (const { args } of commands) runOnce(args, cwd);
  for (let round = 0; round < runs; round += 1) {
    commands.forEach(({ args }, i) => samples[i]!.ms.push(runOnce(args, cwd)));
  }
  return samples;
};

/** A process's peak resident memory so far, in MB, from Linux's /proc (undefined elsewhere). */
const peakRssMb = (pid: number | undefined): number | undefined => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((row) => row.startsWith('VmHWM:'));
    return line === undefined ? undefined : Number(line.replace(/\D+/g, '')) / 1024;
  } catch {
    return undefined;
  }
};

export interface FirstOk {
  readonly ms: number;
  /** Peak resident memory from spawn to that answer. */
  readonly peakRssMb: number | undefined;
  /** Milliseconds from spawn to the first 200 from `thenUrl`, when one was given. */
  readonly thenMs?: number;
}

/**
 * Milliseconds from spawning `node <args>` to the first 200 from `url`, and the peak memory of the
 * process by then (a high-water mark, read once the answer came); the process is then stopped.
 */
export const msToFirstOk = async (
  args: ReadonlyArray<string>,
  url: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; limitMs: number; thenUrl?: string },
): Promise<FirstOk> => {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [...args], { cwd: options.cwd, env: options.env, stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.on('close', () => done()));
  const firstOk = async (target: string): Promise<number> => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`node ${args.join(' ')} exited with ${child.exitCode}`);
      if (elapsedMs(start) > options.limitMs) throw new Error(`${target} gave no 200 within ${options.limitMs} ms`);
      const ok = await fetch(target).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) return elapsedMs(start);
      await new Promise((wait) => setTimeout(wait, 5));
    }
  };
  try {
    const ms = await firstOk(url);
    const peak = peakRssMb(child.pid);
    return options.thenUrl === undefined
      ? { ms, peakRssMb: peak }
      : { ms, peakRssMb: peak, thenMs: await firstOk(options.thenUrl) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
};

export const percentile = (values: ReadonlyArray<number>, p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
