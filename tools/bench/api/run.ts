/**
 * Load test of the API on a PostgreSQL server: a coach's mix of 80% queries and 20% LogSession
 * commands through autocannon on 127.0.0.1, beside the same mix against a bare NestJS app that
 * does the same HTTP work and no other (the same routes, JSON bodies and headers, answering with
 * bodies the API gave in this run: bare-app.ts), measured in the same run. One line per figure.
 *
 *   npm run bench:api
 *
 * BENCH_SECONDS (15), BENCH_CONNECTIONS (20), BENCH_COACHES (10), BENCH_PROVIDERS (100);
 * DATABASE_URL picks the server (postgres://postgres@127.0.0.1:5432/test); BENCH_CPU_PROF=<folder>
 * writes a CPU profile of each server there, and BENCH_GC=1 adds a line of each server's
 * collector pauses during its run (servers.ts).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { Result } from 'autocannon';
import pg from 'pg';
import { Latencies } from './latencies';
import { workdayMix } from './mix';
import { sampleAnswers } from './sample-answers';
import { seedProgram } from './seed-program';
import {
  ADMIN_TOKEN_MAIN,
  API_MAIN,
  BARE_APP_ENV,
  BARE_APP_MAIN,
  buildApi,
  type GcPauses,
  RunningServer,
  startServer,
} from './servers';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const workload = {
  seconds: setting('BENCH_SECONDS', 15),
  connections: setting('BENCH_CONNECTIONS', 20),
  coaches: setting('BENCH_COACHES', 10),
  providers: setting('BENCH_PROVIDERS', 100),
  databaseUrl: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
};

const schema = `bench_api_${randomBytes(4).toString('hex')}`;
const root = join(__dirname, '..', '..', '..');

const line = (name: string, result: Result, extra: string[] = []) =>
  console.log(
    [
      name,
      `${Math.round(result.requests.average).toLocaleString('en-US')} req/s`,
      `p50 ${result.latency.p50} ms`,
      `p99 ${result.latency.p99} ms`,
      `${result['2xx'].toLocaleString('en-US')} answered 2xx`,
      `${result.non2xx} other`,
      `${result.errors} errors`,
      ...extra,
    ].join(' | '),
  );

interface Measured {
  readonly result: Result;
  readonly latencies: Latencies;
  /** The server's processor time per answer, in microseconds, when the system tells it. */
  readonly cpuPerAnswerUs: number | undefined;
  /** The collector's pauses during the run, with `BENCH_GC=1`. */
  readonly gc: GcPauses | undefined;
}

const load = (server: RunningServer, requests: ReturnType<typeof workdayMix>) =>
  new Promise<Measured>((resolve, reject) => {
    const latencies = new Latencies();
    const cpuBefore = server.cpuMs();
    const gcBefore = server.gcPauses();
    autocannon(
      { url: server.url, connections: workload.connections, duration: workload.seconds, requests },
      (error, result) => {
        if (error) return reject(error);
        const cpuAfter = server.cpuMs();
        const answers = result['2xx'] + result.non2xx;
        const cpuPerAnswerUs =
          cpuBefore === undefined || cpuAfter === undefined || answers === 0
            ? undefined
            : ((cpuAfter - cpuBefore) * 1000) / answers;
        const gcAfter = server.gcPauses();
        const gc = gcBefore && gcAfter ? pausesBetween(gcBefore, gcAfter) : undefined;
        resolve({ result, latencies, cpuPerAnswerUs, gc });
      },
    ).on('response', (_client, status, _bytes, ms) => latencies.add(status, ms));
  });

const pausesBetween = (before: GcPauses, after: GcPauses): GcPauses => {
  const of = (kind: keyof GcPauses) => ({
    count: after[kind].count - before[kind].count,
    ms: after[kind].ms - before[kind].ms,
    // The longest since the start: the warm-up's pauses are of the same kind.
    longestMs: after[kind].longestMs,
  });
  return { young: of('young'), old: of('old') };
};

const gcLine = (name: string, gc: GcPauses | undefined) => {
  if (gc === undefined) return;
  const kind = (k: keyof GcPauses) =>
    `${gc[k].count} ${k}-generation pauses, ${Math.round(gc[k].ms)} ms in all, longest ${Math.round(gc[k].longestMs)} ms`;
  console.log(`${name} collector | ${kind('young')} | ${kind('old')}`);
};

const cpuFigure = (measured: Measured): string[] =>
  measured.cpuPerAnswerUs === undefined ? [] : [`${Math.round(measured.cpuPerAnswerUs)} µs of processor an answer`];

const dropSchemas = async () => {
  const client = new pg.Client({ connectionString: workload.databaseUrl });
  await client.connect();
  try {
    for (const name of [schema, `${schema}_access`, `${schema}_tokens`])
      await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  } finally {
    await client.end();
  }
};

const main = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'coachline-bench-api-'));
  const secret = randomBytes(32).toString('hex');
  const env = {
    DATABASE_URL: workload.databaseUrl,
    COACHLINE_SCHEMA: schema,
    COACHLINE_JWT_SECRET: secret,
    COACHLINE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  const servers: RunningServer[] = [];
  try {
    console.log(`# workload: ${JSON.stringify({ ...workload, databaseUrl: undefined })}`);
    buildApi();
    const api = await startServer(API_MAIN, env, '/health/ready');
    servers.push(api);
    const admin = spawnSync(process.execPath, [...ADMIN_TOKEN_MAIN, '--id', 'bench-admin'], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    if (admin.status !== 0) throw new Error(`api:admin failed: ${admin.stderr}`);
    const program = await seedProgram(api.url, admin.stdout.trim(), workload.coaches, workload.providers);
    const mix = workdayMix(program);
    const answersFile = join(dataDir, 'bare-answers.json');
    writeFileSync(answersFile, JSON.stringify(await sampleAnswers(api.url, mix)));

    // A short warm-up lets V8 compile the hot paths before either run is measured.
    await autocannon({ url: api.url, connections: workload.connections, duration: 3, requests: mix });
    const measured = await load(api, mix);
    await api.stop();
    servers.pop();

    const bare = await startServer(BARE_APP_MAIN, { ...BARE_APP_ENV, BARE_ANSWERS: answersFile }, '/health');
    servers.push(bare);
    await autocannon({ url: bare.url, connections: workload.connections, duration: 3, requests: mix });
    const baseline = await load(bare, mix);

    line('API, 80% queries / 20% LogSession', measured.result, [...cpuFigure(measured)]);
    console.log(`API queries (200) | ${measured.latencies.describe(200)}`);
    console.log(`API LogSession commands (201) | ${measured.latencies.describe(201)}`);
    gcLine('API', measured.gc);
    line('bare NestJS route, same mix', baseline.result, cpuFigure(baseline));
    gcLine('bare NestJS route', baseline.gc);
    console.log(
      `ratio API / bare: ${(measured.result.requests.average / baseline.result.requests.average).toFixed(2)} of the throughput, p99 ${(measured.result.latency.p99 / Math.max(1, baseline.result.latency.p99)).toFixed(1)}× | target ≥ 0.6 of the throughput, p99 ≤ 3×`,
    );
    if (measured.cpuPerAnswerUs !== undefined && baseline.cpuPerAnswerUs !== undefined)
      console.log(
        `processor time an answer, API / bare: ${(measured.cpuPerAnswerUs / baseline.cpuPerAnswerUs).toFixed(1)}× (what others' load on the machine changes least)`,
      );
  } finally {
    for (const server of servers) await server.stop();
    await dropSchemas();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
