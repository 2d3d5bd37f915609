/**
 * Start-up benchmark of what users run: `coachline --help` from its build, beside a bare Node.js
 * and Node.js printing a commander help in the same run, and the API from spawn to its first 200
 * on /health, on a new embedded store and on one it made before. Prints a markdown table.
 *   npm run bench:cli                (BENCH_RUNS=30, BENCH_API_RUNS=5)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { interleaved, msToFirstOk, percentile, Sample } from './start-times';

const root = resolve(__dirname, '..', '..', '..');
const runs = Number(process.env['BENCH_RUNS'] ?? 30);
const apiRuns = Number(process.env['BENCH_API_RUNS'] ?? 5);

/** As little as commander needs to print a help: the floor under `coachline --help`. */
const COMMANDER_HELP = [
  "const { Command } = require('commander');",
  "const program = new Command('coachline').description('x').version('0.1.0', '-V, --version');",
  "program.command('verify').description('x').option('--events <file>', 'x');",
  'program.outputHelp();',
].join(' ');

const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** The API on an embedded store in `dataDir`, as `npm start` runs it (without npm's own start-up). */
const apiStart = async (dataDir: string): Promise<number> => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, COACHLINE_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'EVENTSTORE_URL', 'COACHLINE_JWT_SECRET', 'COACHLINE_KEY_FILE', 'NODE_OPTIONS'])
    delete env[name];
  return msToFirstOk(['tools/scripts/run-api.mjs', 'main'], `http://127.0.0.1:${port}/health`, {
    cwd: root,
    env,
    limitMs: 120_000,
  });
};

const row = ({ label, ms }: Sample) =>
  `| ${label} | ${ms.length} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 90).toFixed(0)} |`;

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

const main = async () => {
  // What is measured is the build; it must be the sources' build.
  const build = spawnSync(process.execPath, ['tools/scripts/build-apps.mjs', '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the apps did not build');

  const loadBefore = load();
  const cli = interleaved(
    [
      { label: `\`node -e "console.log('x')"\``, args: ['-e', "console.log('x')"] },
      { label: 'node + commander, a help printed', args: ['-e', COMMANDER_HELP] },
      { label: '`node apps/cli/bin/coachline.js --help`', args: ['apps/cli/bin/coachline.js', '--help'] },
    ],
    runs,
    root,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'coachline-bench-start-'));
  const newStore: Sample = { label: 'API spawn → first 200 on /health, new embedded store', ms: [] };
  const existingStore: Sample = { label: 'API spawn → first 200 on /health, existing embedded store', ms: [] };
  try {
    for (let i = 0; i < apiRuns; i += 1) {
      const fresh = join(dataDir, `new-${i}`);
      newStore.ms.push(await apiStart(fresh));
      existingStore.ms.push(await apiStart(fresh));
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log('| start-up | runs | median ms | p90 ms |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const sample of [...cli, newStore, existingStore]) console.log(row(sample));
  console.log(
    `\nNode.js ${process.version}, ${cpus().length} CPUs; load average (1, 5, 15 min) ${loadBefore} before, ${load()} after.`,
  );
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
