// Runs every project's tests through Nx, then prints one plain closing line with the totals.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const resultsDir = join(root, 'tmp', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const run = spawnSync('npx', ['nx', 'run-many', '-t', 'test', '--output-style=static', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NX_NO_CLOUD: 'true' },
});

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of readdirSync(resultsDir)) {
  const counts = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}
const exitCode = run.status ?? 1;
// A project that crashed before reporting still fails the run.
if (exitCode !== 0 && totals.failed === 0) totals.failed = 1;
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
