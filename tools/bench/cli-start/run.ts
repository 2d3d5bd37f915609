/**
 * Start-up benchmark of what users run: `coachline --help` from its build, beside a bare Node.js
 * and Node.js printing a commander help in the same run, and the API from spawn to its first 200
 * on /health, on a new embedded store and on one it made before, with each start's peak memory,
 * beside a bare NestJS app answering /health, alone and after opening PGlite on the same folder.
 * Prints a markdown table.
 *   npm run bench:cli                (BENCH_RUNS=30, BENCH_API_RUNS=5)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { API_MAIN } from '../api/servers';
import { FirstOk, interleaved, msToFirstOk, percentile, Sample } from './start-times';

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

const startToHealth = async (
  args: ReadonlyArray<string>,
  extraEnv: NodeJS.ProcessEnv,
  thenPath?: string,
): Promise<FirstOk> => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, PORT: String(port), LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'EVENTSTORE_URL', 'COACHLINE_JWT_SECRET', 'COACHLINE_KEY_FILE', 'NODE_OPTIONS'])
    delete env[name];
  const base = `http://127.0.0.1:${port}`;
  return msToFirstOk(args, `${base}/health`, {
    cwd: root,
    env,
    limitMs: 120_000,
    ...(thenPath === undefined ? {} : { thenUrl: `${base}${thenPath}` }),
  });
};

/**
 * The API on an embedded store in `dataDir`, as `npm start` runs it (without npm's own start-up),
 * to its first 200 on /health and then on /health/ready (every view caught up).
 */
const apiStart = (dataDir: string): Promise<FirstOk> =>
  startToHealth(API_MAIN, { COACHLINE_DATA_DIR: dataDir }, '/health/ready');

/** The bare NestJS app, with PGlite opened on `dataDir` first when one is given. */
const bareStart = (dataDir?: string): Promise<FirstOk> =>
  startToHealth(['tools/bench/cli-start/bare-api.cjs'], dataDir === undefined ? {} : { BARE_PGLITE_DIR: dataDir });

const record = (sample: Sample, { ms, peakRssMb, thenMs }: FirstOk, ready?: Sample): void => {
  sample.ms.push(ms);
  if (peakRssMb !== undefined) sample.peakRssMb?.push(peakRssMb);
  if (thenMs !== undefined) ready?.ms.push(thenMs);
};

const memory = (mb: ReadonlyArray<number> | undefined) =>
  mb === undefined || mb.length === 0
    ? '| | |'
    : `| ${percentile(mb, 50).toFixed(0)} | ${Math.max(...mb).toFixed(0)} |`;

const row = ({ label, ms, peakRssMb }: Sample) =>
  `| ${label} | ${ms.length} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 90).toFixed(0)} ${memory(peakRssMb)}`;

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
  const startSample = (label: string): Sample => ({ label, ms: [], peakRssMb: [] });
  const bareNest = startSample('raw: bare NestJS app, spawn → first 200 on /health');
  const bareNestPglite = startSample('raw: bare NestJS app after opening PGlite on an existing folder');
  const newStore = startSample('API spawn → first 200 on /health, new embedded store');
  const existingStore = startSample('API spawn → first 200 on /health, existing embedded store');
  const newReady: Sample = { label: 'API spawn → first 200 on /health/ready, new embedded store', ms: [] };
  const existingReady: Sample = { label: 'API spawn → first 200 on /health/ready, existing embedded store', ms: [] };
  try {
    // Not counted: the file system cache is warm for all alike.
    await bareStart();
    for (let i = 0; i < apiRuns; i += 1) {
      const fresh = join(dataDir, `new-${i}`);
      record(newStore, await apiStart(fresh), newReady);
      record(existingStore, await apiStart(fresh), existingReady);
      record(bareNest, await bareStart());
      record(bareNestPglite, await bareStart(fresh));
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log('| start-up | runs | median ms | p90 ms | peak RSS median MB | peak RSS max MB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const sample of [...cli, bareNest, bareNestPglite, newStore, existingStore, newReady, existingReady])
    console.log(row(sample));
  const floor = percentile(bareNestPglite.ms, 50);
  console.log(
    `\nMedian start over the bare NestJS app with PGlite: new store ${(percentile(newStore.ms, 50) / floor).toFixed(2)}×, existing store ${(percentile(existingStore.ms, 50) / floor).toFixed(2)}×.`,
  );
  console.log(
    `\nNode.js ${process.version}, ${cpus().length} CPUs; load average (1, 5, 15 min) ${loadBefore} before, ${load()} after.`,
  );
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
