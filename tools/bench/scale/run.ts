/**
 * The API on a state-sized store: the demo year (13,000 providers, about 1,000,000 events)
 * imported once into a PostgreSQL schema of its own and reset to that import before each run;
 * the API's first start on it (rebuild of every view, beside a raw keyset read of the same
 * events), a minute of LogSession commands by coaches on their own providers each followed by a
 * query that waits for the write's position (with the API's processor time and event-loop delay
 * over that minute), the views' size beside the events', the WAL written, SIGTERM, and a restart.
 * One line per figure, with the bound the issue sets.
 *
 *   npm run bench:scale
 *
 * BENCH_PROVIDERS (13000), BENCH_SECONDS (60), BENCH_CONNECTIONS (8), BENCH_READY_TIMEOUT (900 s);
 * BENCH_QUERIES=0 sends the commands alone, without the query after each;
 * BENCH_DROP_STORE=1 removes the store afterwards; BENCH_CPU_PROF=<folder> writes each start's
 * CPU profile there; DATABASE_URL picks the server (postgres://postgres@127.0.0.1:5432/test).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { redactStoreUrl } from '@coachline/eventstore';
import pg from 'pg';
import { ADMIN_TOKEN_MAIN, buildApi } from '../api/servers';
import { demoFile } from '../views/demo-file';
import { rawKeysetRead } from '../views/rebuild';
import { ApiProcess } from './api-process';
import { caseloadsOf } from './caseloads';
import {
  figure,
  mb,
  ms,
  rateBesideBaseline,
  s,
  storeSizes,
  timed,
  viewWrites,
  walBytesBetween,
  walPosition,
} from './figures';
import { CoachAtWork, readYourWrite } from './read-your-write';
import { dropScaleStore, ScaleStore, scaleStore } from './scale-store';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const workload = {
  providers: setting('BENCH_PROVIDERS', 13_000),
  seconds: setting('BENCH_SECONDS', 60),
  connections: setting('BENCH_CONNECTIONS', 8),
  readyTimeoutSeconds: setting('BENCH_READY_TIMEOUT', 900),
  readYourWrite: setting('BENCH_QUERIES', 1) !== 0,
};
const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = join(__dirname, '..', '..', '..');
const running: ApiProcess[] = [];

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** One line naming the server when it does not answer, rather than a stack from the first query. */
const ensurePostgres = async (): Promise<void> => {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = (error as Error).message || ((error as { code?: string }).code ?? 'no answer');
    throw new Error(`PostgreSQL does not answer at ${redactStoreUrl(databaseUrl)} (${reason}); set DATABASE_URL`);
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** Built first if a source changed, so that a build is not timed as part of the start. */
const startApi = async (env: Record<string, string>): Promise<ApiProcess> => {
  buildApi();
  const api = await ApiProcess.spawn(env);
  running.push(api);
  return api;
};

const warnIfBuilt = (api: ApiProcess, start: string) => {
  if (api.builtAtStart) console.log(`# the ${start} includes a build of the API: a source changed during the run`);
};

/** An admin's token from `npm run api:admin`, then a coach's token for each coach who will write. */
const coachesAtWork = async (
  api: ApiProcess,
  env: Record<string, string>,
  caseloads: Awaited<ReturnType<typeof caseloadsOf>>,
): Promise<CoachAtWork[]> => {
  const admin = spawnSync(process.execPath, [...ADMIN_TOKEN_MAIN, '--id', 'bench-admin'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (admin.status !== 0) throw new Error(`api:admin failed: ${admin.stderr.trim().split('\n').pop()}`);
  const coaches: CoachAtWork[] = [];
  for (const { coachId, providerIds } of caseloads.slice(0, workload.connections)) {
    const minted = await fetch(`${api.url}/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.stdout.trim()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: coachId, role: 'coach' }),
    });
    if (minted.status !== 201) throw new Error(`POST /tokens for ${coachId}: ${minted.status} ${await minted.text()}`);
    coaches.push({ coachId, providerIds, token: ((await minted.json()) as { token: string }).token });
  }
  return coaches;
};

const main = async () => {
  console.log(`# workload: ${JSON.stringify(workload)}`);
  console.log(`# load average at start: ${loadAverage()}`);
  await ensurePostgres();
  const file = demoFile(workload.providers);
  const store: ScaleStore = await scaleStore(databaseUrl, workload.providers, file, join(root, 'tmp', 'bench'));
  console.log(
    `# store: schema ${store.schema}, ${store.events.toLocaleString('en-US')} events, ${
      store.origin.kind === 'imported' ? `imported in ${s(store.origin.seconds)}` : 'reset to its import'
    }`,
  );
  const caseloads = [...(await caseloadsOf(file))].sort((a, b) => b.providerIds.length - a.providerIds.length);
  const raw = await timed(() => rawKeysetRead(databaseUrl, store.schema));

  const dataDir = mkdtempSync(join(tmpdir(), 'coachline-bench-scale-'));
  const env = {
    DATABASE_URL: databaseUrl,
    COACHLINE_SCHEMA: store.schema,
    COACHLINE_KEY_FILE: store.keyFile,
    COACHLINE_JWT_SECRET: randomBytes(32).toString('hex'),
    COACHLINE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  try {
    const first = await startApi(env);
    const firstStart = await first.startTimes(workload.readyTimeoutSeconds);
    warnIfBuilt(first, 'first start');
    figure('first start: time to the first /health', s(firstStart.health));
    figure('first start: time to ready (/health/ready 200, views caught up)', s(firstStart.ready));
    rateBesideBaseline(
      `first-start rebuild of every view (spawn to ready, ${store.events.toLocaleString('en-US')} events)`,
      { count: store.events, seconds: firstStart.ready },
      { label: 'raw pg keyset pages of 10k', count: raw.result, seconds: raw.seconds },
      '≥ 0.8 of the raw keyset read',
      0.8,
    );
    rateBesideBaseline(
      'the same rebuild counted from the first /health',
      { count: store.events, seconds: firstStart.ready - firstStart.health },
      { label: 'raw pg keyset pages of 10k', count: raw.result, seconds: raw.seconds },
    );

    const coaches = await coachesAtWork(first, env, caseloads);
    const viewsBefore = await viewWrites(databaseUrl, store.schema);
    const walFrom = await walPosition(databaseUrl);
    const heldOn = new Date().toISOString().slice(0, 10);
    await first.loopDelay();
    const processorBefore = first.processorSeconds;
    const load = await readYourWrite(
      first.url,
      coaches,
      workload.connections,
      workload.seconds,
      heldOn,
      workload.readYourWrite,
    );
    const processor = first.processorSeconds - processorBefore;
    const loopDelay = await first.loopDelay();
    const walBytes = await walBytesBetween(databaseUrl, walFrom, await walPosition(databaseUrl));
    const viewsAfter = await viewWrites(databaseUrl, store.schema);
    const { commands, queries } = load;
    figure(
      `LogSession commands, ${workload.connections} coaches on their own providers${workload.readYourWrite ? '' : ', no queries'}`,
      `${Math.round(commands.count / load.seconds).toLocaleString('en-US')} commands/s (${commands.count} in ${s(load.seconds)})`,
    );
    figure('command latency p50', ms(commands.percentile(50)));
    figure('command latency p99', ms(commands.percentile(99)), '< 50 ms', commands.percentile(99) < 50);
    figure('max POST latency', ms(commands.max));
    if (workload.readYourWrite) {
      figure('read-your-write query latency p50', ms(queries.percentile(50)));
      figure('read-your-write query latency p99', ms(queries.percentile(99)));
      for (const [view, latencies] of load.queriesByView)
        figure(
          `read-your-write queries of ${view}: p50, p99`,
          `${ms(latencies.percentile(50))}, ${ms(latencies.percentile(99))} (${latencies.count})`,
        );
      figure(
        'view-behind answers (503) to read-your-write queries',
        `${load.viewBehind} of ${queries.count}`,
        '0 under steady writes',
        load.viewBehind === 0,
      );
    }
    for (const [answer, count] of load.refusals) figure(`other answers: ${answer}`, String(count));
    figure(
      "the API's processor time during the load",
      `${s(processor)} in ${s(load.seconds)}, ${ms((processor * 1000) / Math.max(1, commands.count))} a command${workload.readYourWrite ? ' and its query' : ''}`,
    );
    figure(
      "the API's event-loop delay during the load",
      `p50 ${ms(loopDelay.p50)}, p99 ${ms(loopDelay.p99)}, max ${ms(loopDelay.max)}, mean ${ms(loopDelay.mean)}`,
    );
    const sizes = await storeSizes(databaseUrl, store.schema);
    figure(
      `views (${sizes.viewTables.join(', ')}) beside the events table, after the run`,
      `${mb(sizes.viewsBytes)} vs ${mb(sizes.eventsBytes)}`,
      'views kept per subject, smaller than the events',
      sizes.viewsBytes < sizes.eventsBytes,
    );
    figure(
      'WAL written during the run (whole server)',
      `${mb(walBytes)}, ${Math.round(walBytes / Math.max(1, commands.count)).toLocaleString('en-US')} bytes a command`,
    );
    figure(
      'view rows saved during the run (this schema only)',
      `${viewsAfter.rows - viewsBefore.rows} rows, ${mb((viewsAfter.toastChunks - viewsBefore.toastChunks) * 2_000)} of TOAST chunks`,
      'writes save only what they changed',
    );
    figure('SIGTERM to exit', s(await first.stop()));

    const again = await startApi(env);
    const restart = await again.startTimes(workload.readyTimeoutSeconds);
    warnIfBuilt(again, 'restart');
    figure('restart: time to the first /health', s(restart.health), '≤ 1 s', restart.health <= 1);
    figure('restart: time to ready', s(restart.ready), '≤ 5 s', restart.ready <= 5);
    figure('restart: SIGTERM to exit', s(await again.stop()));
    const peak = Math.max(first.peakRss, again.peakRss);
    figure(
      'peak RSS over the run (VmHWM of each start)',
      `${Math.round(peak)} MiB (first start ${Math.round(first.peakRss)}, restart ${Math.round(again.peakRss)})`,
      '< 1 GiB',
      peak < 1024,
    );
  } finally {
    for (const api of running) await api.stop(10);
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env['BENCH_DROP_STORE'] === '1') await dropScaleStore(databaseUrl, store);
    console.log(`# load average at end: ${loadAverage()}`);
  }
};

const stopAndExit = async (code: number) => {
  for (const api of running) await api.stop(10).catch(() => undefined);
  process.exit(code);
};
process.once('SIGINT', () => void stopAndExit(130));
process.once('SIGTERM', () => void stopAndExit(143));

main().catch(async (error: unknown) => {
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  console.error(`bench:scale: ${error instanceof Error ? error.message : String(error)}${cause}`);
  for (const api of running) if (!api.running) console.error(`bench:scale: the API exited: ${api.lastWords}`);
  await stopAndExit(1);
});
