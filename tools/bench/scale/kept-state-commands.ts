/**
 * LogSession commands through `handleCommand` on the PostgreSQL server, without HTTP or views: once
 * deciding on what this process appended (no read of the stream's tail), once reading the tail
 * before each decision, as every command did before. The two take turns on providers of their own
 * (a stream both wrote to would be a stream two writers share, and each would read it first), in
 * rounds, so that a busy machine weighs on both alike. Each line: commands/s, latency p50 and p99,
 * processor time and statements sent a command.
 *
 *   npx tsx --tsconfig tools/tsconfig.json tools/bench/scale/kept-state-commands.ts
 *
 * BENCH_CALLERS (8), BENCH_PROVIDERS (64 for each), BENCH_SECONDS (5 a turn), BENCH_ROUNDS (3);
 * DATABASE_URL picks the server. The store is a schema of its own, dropped at the end.
 */
import { DecidedStreams, type EventStore } from '@coachline/eventstore';
import { openPostgresEventStore } from '@coachline/eventstore-postgres';
import pg from 'pg';
import { enrollProvider, handled, logSession } from '../store/log-session-commands';
import { Latencies } from './read-your-write';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const workload = {
  callers: setting('BENCH_CALLERS', 8),
  providers: setting('BENCH_PROVIDERS', 64),
  seconds: setting('BENCH_SECONDS', 5),
  rounds: setting('BENCH_ROUNDS', 3),
};
const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const COACH = 'c-bench';

/** Every statement any pg client of this process sends, counted. */
let statementsSent = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statementsSent += 1;
  return (query as (...all: unknown[]) => unknown).apply(this, args);
} as typeof query;

const enrollment = (providerId: string) => enrollProvider(providerId, COACH);

const session = (providerId: string, heldOn: string) => logSession(providerId, COACH, heldOn);

/** Decides only on what a read of the store finds: the command path before the kept state was trusted. */
class ReadingFirst extends DecidedStreams {
  override trusted(): undefined {
    return undefined;
  }
}

interface Turn {
  readonly label: string;
  readonly streams: DecidedStreams;
  readonly providers: ReadonlyArray<string>;
}

const run = async (store: EventStore, turn: Turn, seconds: number, heldOn: string): Promise<string> => {
  const latencies = new Latencies();
  const processorFrom = process.cpuUsage();
  const statementsFrom = statementsSent;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: workload.callers }, async (_, caller) => {
      for (let n = 0; Date.now() - started < seconds * 1000; n++) {
        const providerId = turn.providers[(caller * 7 + n) % turn.providers.length]!;
        const sent = process.hrtime.bigint();
        await handled(store, session(providerId, heldOn), turn.streams);
        latencies.add(Number(process.hrtime.bigint() - sent) / 1e6);
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  const processor = process.cpuUsage(processorFrom);
  const count = latencies.count;
  return [
    turn.label,
    `${Math.round(count / elapsed)} commands/s (${count})`,
    `p50 ${latencies.percentile(50).toFixed(2)} ms, p99 ${latencies.percentile(99).toFixed(2)} ms`,
    `${((processor.user + processor.system) / 1000 / count).toFixed(3)} ms of processor a command`,
    `${((statementsSent - statementsFrom) / count).toFixed(2)} statements a command`,
  ].join(' | ');
};

const main = async () => {
  console.log(`# workload: ${JSON.stringify(workload)}`);
  const schema = `bench_kept_state_${process.pid}`;
  const store = await openPostgresEventStore({ connectionString: databaseUrl, schema });
  const heldOn = new Date().toISOString().slice(0, 10);
  try {
    const providers = (side: string) => Array.from({ length: workload.providers }, (_, i) => `p-${side}-${i}`);
    const turns: Turn[] = [
      { label: 'decided on its own appends', streams: new DecidedStreams(), providers: providers('own') },
      { label: 'tail read before each', streams: new ReadingFirst(), providers: providers('read') },
    ];
    const enrolling = new DecidedStreams();
    for (const turn of turns)
      for (const providerId of turn.providers) await handled(store, enrollment(providerId), enrolling);
    // Each keeps every one of its providers before anything is timed.
    for (const turn of turns) await run(store, turn, 1, heldOn);
    for (let round = 1; round <= workload.rounds; round++)
      for (const turn of turns) console.log(`round ${round} | ${await run(store, turn, workload.seconds, heldOn)}`);
  } finally {
    await store.close();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
};

main().catch((error: unknown) => {
  console.error(`kept-state-commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
