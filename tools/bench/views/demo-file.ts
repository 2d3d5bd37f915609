import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..', '..');
export const coachline = join(root, 'apps', 'cli', 'bin', 'coachline.js');

/** The demo year the benchmarks replay, written once per size and seed and then reused. */
export const demoFile = (providers: number): string => {
  const dir = join(root, 'tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `demo-${providers}-seed-1.jsonl`);
  if (!existsSync(file)) {
    const run = spawnSync(
      process.execPath,
      [coachline, 'demo', '--out', file, '--providers', String(providers), '--seed', '1'],
      { stdio: 'inherit' },
    );
    if (run.status !== 0) throw new Error('could not write the demo file');
  }
  return file;
};
