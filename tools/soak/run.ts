/**
 * Soak test of the API on 127.0.0.1: coaches log sessions and read views at a steady rate for a
 * few minutes while the API's PostgreSQL connections are cut and the API process is restarted
 * (SIGTERM, and once SIGKILL). Afterwards every accepted command must be in the store exactly
 * once and every view the API serves must equal a clean rebuild from the store's events.
 *
 *   npm run soak -- [--minutes 3] [--commands 10] [--queries 10] [--store postgres|pglite]
 *
 * DATABASE_URL picks the server (postgres://postgres@127.0.0.1:5432/test); a fresh schema is
 * made and dropped. Without a server, or with --store pglite, the API runs on embedded PGlite
 * and only the restarts are tried: PGlite has no connections to cut.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { EventStore } from '@coachline/eventstore';
import { openPgliteEventStore, openPostgresEventStore } from '@coachline/eventstore-postgres';
import pg from 'pg';
import { freePort } from '../bench/api/servers';
import { seedProgram } from '../bench/api/seed-program';
import { ApiProcess } from './api-process';
import { checkStore, COMPARED_VIEWS, firstDifference } from './check';
import { Traffic } from './traffic';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '3' },
    commands: { type: 'string', default: '10' },
    queries: { type: 'string', default: '10' },
    store: { type: 'string' },
  },
});
const minutes = Number(args.minutes);
const commandRate = Number(args.commands);
const queryRate = Number(args.queries);
if (!(minutes > 0) || !(commandRate > 0) || !(queryRate >= 0))
  throw new Error('--minutes and --commands must be positive, --queries at least 0');

const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `soak_${randomBytes(4).toString('hex')}`;
/** Names the API's connections, so that only they are cut, never another client's. */
const appName = `coachline-${schema}`;
const durationMs = minutes * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

const serverReachable = async (): Promise<boolean> => {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
};

/** Ends every backend the API holds, from a connection of our own. */
const cutConnections = async (): Promise<number> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ended = await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
      [appName],
    );
    return ended.rowCount ?? 0;
  } finally {
    await client.end();
  }
};

const dropSchema = async () => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
};

/** A view as the API serves it once it has folded the whole store, asked again while it is unavailable. */
const servedView = async (api: ApiProcess, token: string, view: string, head: number): Promise<unknown> => {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${api.url}/views/${view}?waitForPosition=${head}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.ok) return response.json();
    if (attempt >= 20) throw new Error(`GET /views/${view}: ${response.status} ${await response.text()}`);
    await sleep(500);
  }
};

const main = async (): Promise<boolean> => {
  const onServer = args.store !== 'pglite' && (await serverReachable());
  if (args.store === 'postgres' && !onServer) throw new Error(`no PostgreSQL server at ${databaseUrl}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'coachline-soak-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    COACHLINE_DATA_DIR: dataDir,
    COACHLINE_JWT_SECRET: randomBytes(32).toString('hex'),
    // Every request and shutdown step in the log file, to explain whatever the run finds.
    LOG_LEVEL: 'info',
    // In the URL, since the store names its connections itself and the URL's parameters win.
    ...(onServer
      ? {
          DATABASE_URL: `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}application_name=${appName}`,
          COACHLINE_SCHEMA: schema,
        }
      : {}),
  };
  for (const name of ['EVENTSTORE_URL', 'NODE_OPTIONS', ...(onServer ? [] : ['DATABASE_URL', 'COACHLINE_SCHEMA'])])
    delete env[name];

  const logFile = join(tmpdir(), `${appName}.log`);
  const api = new ApiProcess(env, port, logFile);
  let store: EventStore | undefined;
  try {
    log(
      `starting the API on ${onServer ? `PostgreSQL (${databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}, schema ${schema})` : `PGlite in ${dataDir}`}`,
    );
    await api.start();
    const admin = api.adminToken('admin-soak');
    const program = await seedProgram(api.url, admin, 4, 16);
    const traffic = new Traffic(api.url, program, 120_000);

    // Faults, spread over the run: connection cuts (on a server) and restarts, once with SIGKILL.
    const faults: Array<{ at: number; kind: 'cut' | 'SIGTERM' | 'SIGKILL' }> = [
      ...(onServer ? [0.12, 0.3, 0.45, 0.62, 0.85].map((at) => ({ at, kind: 'cut' as const })) : []),
      { at: 0.22, kind: 'SIGTERM' as const },
      { at: 0.52, kind: 'SIGKILL' as const },
      { at: 0.75, kind: 'SIGTERM' as const },
    ].sort((a, b) => a.at - b.at);
    let cuts = 0;
    let backendsEnded = 0;
    let restarts = 0;
    const restartTimes: number[] = [];
    const slowStops: string[] = [];

    const started = Date.now();
    const ticker = setInterval(() => traffic.sendCommand(), 1_000 / commandRate);
    const queryTicker = queryRate > 0 ? setInterval(() => traffic.sendQuery(), 1_000 / queryRate) : undefined;
    for (const fault of faults) {
      await sleep(Math.max(0, started + fault.at * durationMs - Date.now()));
      if (fault.kind === 'cut') {
        const ended = await cutConnections();
        cuts++;
        backendsEnded += ended;
        log(`cut: ended ${ended} PostgreSQL backend(s) of the API`);
      } else {
        const stopped = await api.stop(fault.kind);
        if (stopped.forced) slowStops.push(`${fault.kind} at ${Math.round(fault.at * 100)}%`);
        const tookMs = await api.start();
        restarts++;
        restartTimes.push(tookMs);
        log(
          `restart: ${fault.kind}, stopped in ${(stopped.ms / 1000).toFixed(1)} s${stopped.forced ? ' (forced with SIGKILL)' : ''}, back in ${(tookMs / 1000).toFixed(1)} s`,
        );
      }
    }
    await sleep(Math.max(0, started + durationMs - Date.now()));
    clearInterval(ticker);
    if (queryTicker) clearInterval(queryTicker);
    const loadMs = Date.now() - started;
    log('load stopped; waiting for every command to have its answer');
    await traffic.settle();

    // The views the API serves, once it has folded the whole store; then the store, read afresh.
    const headClient = onServer ? await openPostgresEventStore({ connectionString: databaseUrl, schema }) : undefined;
    const head = headClient ? await headClient.headPosition() : Number.MAX_SAFE_INTEGER;
    await headClient?.close();
    const served: Record<string, unknown> = {};
    const headForQuery = onServer
      ? head
      : Math.max(
          0,
          ...[...traffic.commands.values()].map(
            (c) => (c.accepted as { position?: number } | undefined)?.position ?? 0,
          ),
        );
    for (const view of COMPARED_VIEWS) served[view] = await servedView(api, admin, view, headForQuery);
    await api.stop('SIGTERM');
    store = onServer
      ? await openPostgresEventStore({ connectionString: databaseUrl, schema })
      : await openPgliteEventStore({ dataDir });
    const check = await checkStore(store, traffic.commands);

    const records = [...traffic.commands.values()];
    const accepted = records.filter((r) => r.outcome === 'accepted').length;
    const refused = records.filter((r) => r.outcome === 'refused');
    const gaveUp = records.filter((r) => r.outcome === 'gave-up').length;
    const mismatched = COMPARED_VIEWS.filter(
      (view) =>
        !isDeepStrictEqual(JSON.parse(JSON.stringify(served[view])), JSON.parse(JSON.stringify(check.rebuilt[view]))),
    );
    const statuses = [...traffic.byStatus.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, n]) => `${status}: ${n}`);

    console.log('');
    console.log(`store                ${onServer ? 'PostgreSQL server, fresh schema' : 'embedded PGlite'}`);
    console.log(
      `duration             ${(loadMs / 1000).toFixed(0)} s of load (${commandRate} commands/s, ${queryRate} queries/s), ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
    );
    console.log(
      `commands             ${records.length} sent, ${accepted} accepted, ${refused.length} refused, ${gaveUp} given up; ${traffic.retries} retries (${traffic.conflicts} after a 409 revision-conflict)`,
    );
    console.log(`queries              ${traffic.queries}`);
    console.log(
      `faults               ${cuts} connection cuts (${backendsEnded} backends ended), ${restarts} restarts (back in ${restartTimes.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s)`,
    );
    console.log(`shutdowns forced     ${slowStops.length === 0 ? 'none' : slowStops.join(', ')}`);
    console.log(`answers by status    ${statuses.join(', ')}`);
    console.log(
      `command latency      p50 ${traffic.commandLatency.percentile(0.5).toFixed(1)} ms, p99 ${traffic.commandLatency.percentile(0.99).toFixed(1)} ms (${traffic.commandLatency.count} answers)`,
    );
    console.log(
      `query latency        p50 ${traffic.queryLatency.percentile(0.5).toFixed(1)} ms, p99 ${traffic.queryLatency.percentile(0.99).toFixed(1)} ms (${traffic.queryLatency.count} answers)`,
    );
    console.log(`store                ${check.events} events, head ${check.head}`);
    console.log(
      `exactly once         ${check.lost.length} lost, ${check.doubled.length} doubled, ${check.refusedButStored.length} refused yet stored, ${check.duplicateCommandIds.length} duplicate command ids`,
    );
    console.log(
      `views                ${COMPARED_VIEWS.length - mismatched.length} of ${COMPARED_VIEWS.length} equal a clean rebuild`,
    );
    for (const view of mismatched) console.log(`  ${view}: ${firstDifference(served[view], check.rebuilt[view])}`);
    for (const [name, keys] of Object.entries({
      lost: check.lost,
      doubled: check.doubled,
      'refused yet stored': check.refusedButStored,
      'duplicate command ids': check.duplicateCommandIds,
    }))
      if (keys.length > 0) console.log(`  ${name}: ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`);
    for (const r of refused.slice(0, 3))
      console.log(`  refused ${r.key} after ${r.attempts} attempt(s): ${r.status} ${r.refusal}`);
    for (const answer of traffic.serverErrors) console.log(`  ${answer}`);
    console.log(`API log              ${logFile}`);

    const pass =
      check.lost.length === 0 &&
      check.doubled.length === 0 &&
      check.refusedButStored.length === 0 &&
      check.duplicateCommandIds.length === 0 &&
      mismatched.length === 0 &&
      gaveUp === 0 &&
      refused.length === 0 &&
      accepted > 0;
    console.log(pass ? 'PASS' : 'FAIL');
    return pass;
  } finally {
    await api.stop('SIGKILL');
    await store?.close();
    if (onServer) await dropSchema();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().then(
  (pass) => process.exit(pass ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
