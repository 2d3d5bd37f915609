/** Wall times of processes from spawn to exit, and of the API from spawn to its first healthy answer. */
import { spawn, spawnSync } from 'node:child_process';

export interface Sample {
  readonly label: string;
  readonly ms: number[];
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

/** Milliseconds from spawning `node <args>` to the first 200 from `url`; the process is then stopped. */
export const msToFirstOk = async (
  args: ReadonlyArray<string>,
  url: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; limitMs: number },
): Promise<number> => {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [...args], { cwd: options.cwd, env: options.env, stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.on('close', () => done()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`node ${args.join(' ')} exited with ${child.exitCode}`);
      if (elapsedMs(start) > options.limitMs) throw new Error(`${url} gave no 200 within ${options.limitMs} ms`);
      const ok = await fetch(url).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) return elapsedMs(start);
      await new Promise((wait) => setTimeout(wait, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
};

export const percentile = (values: ReadonlyArray<number>, p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
