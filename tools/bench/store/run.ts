/**
 * Event store benchmark on a PostgreSQL server: each figure of the store beside bare `pg` baselines
 * doing the same work in the same run, one line per figure. The first baseline writes to or reads
 * from a minimal events table (the target ratios are stated against it), the second a table with
 * the store's own columns and indexes.
 *
 *   npx tsx --tsconfig tools/tsconfig.json tools/bench/store/run.ts
 *
 * Sizes: BENCH_EVENTS (1,000,000), BENCH_STREAMS (10,000), BENCH_APPEND_CALLERS (8),
 * BENCH_COMMAND_CALLERS (20), BENCH_COMMAND_STREAMS (1,000), BENCH_COMMAND_SECONDS (20),
 * BENCH_READ_PAGE (10,000), BENCH_PROOF_EVENTS (1,000,000), BENCH_PROOFS (1,000), BENCH_TREE_ROUNDS (4);
 * BENCH_FIGURES (append,import,read,commands,tree,proof) picks the figures;
 * DATABASE_URL picks the server. When the server runs on this machine, each side's CPU per event
 * (this process and its PostgreSQL backends) is printed beside its rate.
 */
import { randomBytes } from 'node:crypto';
import { DecidedStreams } from '@coachline/eventstore';
import { openPostgresEventStore, type PostgresEventStore } from '@coachline/eventstore-postgres';
import pg from 'pg';
import { cpuOf, withApplicationName } from './cpu';
import { report, timed, type Measured } from './measure';
import {
  createCommandTable,
  createLikeEvents,
  createMinimalEvents,
  rawCommands,
  rawCopy,
  rawKeysetRead,
  rawMultiRowInsert,
  type RawTable,
} from './raw-baselines';
import {
  enrollBenchProviders,
  handledCommands,
  storeBatchedAppend,
  storeCommands,
  storeImport,
  storeReadAll,
} from './store-workloads';
import { proveOneEvent, treeCost, type TreeBench } from './tree-figures';
import { workload } from './workload';

const run = `bench_${randomBytes(4).toString('hex')}`;
const schemas = {
  store: `${run}_store`,
  imported: `${run}_import`,
  commands: `${run}_cmd`,
  handled: `${run}_handled`,
  raw: `${run}_raw`,
};
const applicationNames = { raw: `${run}_raw`, store: `${run}_store` };
/** Schemas of the tree's figures, one per store they open. */
const treeSchemas = new Map<string, string>();

/** The fold every reader applies: what a projection would add up. */
const minutesFold = () => {
  let minutes = 0;
  return {
    fold: (data: unknown) => void (minutes += (data as { durationMinutes: number }).durationMinutes),
    total: () => minutes,
  };
};

const openStore = (schema: string, poolSize = 10, keepTree = true): Promise<PostgresEventStore> =>
  openPostgresEventStore({
    connectionString: withApplicationName(workload.databaseUrl, applicationNames.store),
    schema,
    poolSize,
    keepTree,
  });

interface Bench {
  readonly pool: pg.Pool;
  readonly opened: PostgresEventStore[];
  /** The store the batched append fills and the read-all reads. */
  readonly store: PostgresEventStore;
  readonly storeEvents: string;
}

/** Elapsed time and CPU of one side of a figure, `count` taken from what the work returns. */
const measure = async <T>(
  bench: Bench,
  side: keyof typeof applicationNames,
  work: () => Promise<T>,
  count: (result: T) => number,
): Promise<Measured & { result: T }> => {
  const { result: timedWork, cpu } = await cpuOf(bench.pool, applicationNames[side], () => timed(work));
  return { result: timedWork.result, count: count(timedWork.result), seconds: timedWork.seconds, cpu };
};
const itself = (count: number) => count;

const batchedAppend = async (bench: Bench) => {
  const { pool, store } = bench;
  const minimal = await createMinimalEvents(pool, `"${schemas.raw}".minimal_inserted`);
  const rawMinimal = await measure(
    bench,
    'raw',
    () => rawMultiRowInsert(pool, minimal, workload.events, workload.streams),
    itself,
  );
  const like = await createLikeEvents(pool, `"${schemas.raw}".like_inserted`, bench.storeEvents);
  const rawLike = await measure(
    bench,
    'raw',
    () => rawMultiRowInsert(pool, like, workload.events, workload.streams),
    itself,
  );
  const append = await measure(
    bench,
    'store',
    () => storeBatchedAppend(store, workload.events, workload.streams, workload.appendCallers),
    itself,
  );
  report({
    name: 'batched append',
    adapter: append,
    baselines: [
      { label: 'multi-row INSERT of 1,000, minimal table', ...rawMinimal },
      { label: "multi-row INSERT of 1,000, store's table", ...rawLike },
    ],
    unit: 'events/s',
    target: '≥ 1.0 of the minimal table',
    extra: `${workload.appendCallers} appends of ${Math.floor(workload.events / workload.streams)} events in flight`,
  });
  await pool.query(`DROP TABLE ${minimal.name}, ${like.name}`);
};

/** The import path against one COPY; returns the minimal table it copied into, kept for the read baseline. */
const bulkImport = async (bench: Bench): Promise<RawTable> => {
  const { pool } = bench;
  const minimal = await createMinimalEvents(pool, `"${schemas.raw}".minimal_copied`);
  const rawMinimal = await measure(
    bench,
    'raw',
    () => rawCopy(pool, minimal, workload.events, workload.streams),
    itself,
  );
  const like = await createLikeEvents(pool, `"${schemas.raw}".like_copied`, bench.storeEvents);
  const rawLike = await measure(bench, 'raw', () => rawCopy(pool, like, workload.events, workload.streams), itself);
  await pool.query(`DROP TABLE ${like.name}`);
  const importer = await openStore(schemas.imported);
  bench.opened.push(importer);
  const imported = await measure(
    bench,
    'store',
    () => storeImport(importer, workload.events, workload.streams),
    itself,
  );
  report({
    name: 'import (COPY)',
    adapter: imported,
    baselines: [
      { label: 'one COPY, minimal table', ...rawMinimal },
      { label: "one COPY, store's table", ...rawLike },
    ],
    unit: 'events/s',
    target: '≥ 0.7 of the minimal table',
  });
  await pool.query(`DROP SCHEMA "${schemas.imported}" CASCADE`);
  return minimal;
};

/** Read-all of the store's events against raw keyset pages of the minimal table (the same events) and of the store's. */
const readAll = async (bench: Bench, minimal: RawTable) => {
  const { pool, store, storeEvents } = bench;
  await pool.query(`VACUUM ANALYZE ${storeEvents}`);
  await pool.query(`VACUUM ANALYZE ${minimal.name}`);
  const minimalFold = minutesFold();
  const rawMinimal = await measure(
    bench,
    'raw',
    () => rawKeysetRead(pool, minimal.name, workload.readPage, minimalFold.fold),
    itself,
  );
  const likeFold = minutesFold();
  const rawLike = await measure(
    bench,
    'raw',
    () => rawKeysetRead(pool, storeEvents, workload.readPage, likeFold.fold),
    itself,
  );
  const storeFold = minutesFold();
  const read = await measure(
    bench,
    'store',
    () => storeReadAll(store, workload.readPage, storeFold.fold),
    (result) => result.read,
  );
  if (storeFold.total() !== likeFold.total() || minimalFold.total() !== likeFold.total())
    throw new Error('The readers folded different histories.');
  const page = workload.readPage.toLocaleString('en-US');
  report({
    name: 'read-all',
    adapter: read,
    baselines: [
      { label: `keyset pages of ${page}, minimal table`, ...rawMinimal },
      { label: `keyset pages of ${page}, store's table`, ...rawLike },
    ],
    unit: 'events/s',
    target: '≥ 0.9 of the minimal table, flat memory',
    extra: `heap peak +${read.result.heap.peakAboveStartMb.toFixed(0)} MB over ${read.count.toLocaleString('en-US')} events`,
  });
  await pool.query(`DROP TABLE ${minimal.name}`);
};

const commandAppend = async (bench: Bench) => {
  const { pool } = bench;
  const commandOptions = {
    callers: workload.commandCallers,
    streams: workload.commandStreams,
    seconds: workload.commandSeconds,
  };
  await createCommandTable(pool, `"${schemas.raw}".commands`);
  const raw = await measure(
    bench,
    'raw',
    () => rawCommands(pool, `"${schemas.raw}".commands`, commandOptions),
    (result) => result.commands,
  );
  const commandStore = await openStore(schemas.commands, workload.commandCallers + 2);
  bench.opened.push(commandStore);
  const commanded = await measure(
    bench,
    'store',
    () => storeCommands(commandStore, commandOptions),
    (result) => result.commands,
  );
  const percentiles = (latency: { percentile(p: number): number }) =>
    `p50 ${latency.percentile(50).toFixed(2)} ms, p99 ${latency.percentile(99).toFixed(2)} ms`;
  report({
    name: `command append (${workload.commandCallers} callers, ${workload.commandStreams} streams)`,
    adapter: commanded,
    baselines: [{ label: 'select max then insert, one transaction each', ...raw }],
    unit: 'commands/s',
    target: '≥ 0.8 of the baseline, p99 ≤ 1.5× its p99',
    extra: `store ${percentiles(commanded.result.latency)}, ${commanded.result.conflicts} conflicts; baseline ${percentiles(raw.result.latency)}, ${raw.result.conflicts} conflicts`,
  });

  // The same load through the command handling the API runs: each LogSession decided on the
  // provider's kept state, beside the same baseline.
  const handlingStore = await openStore(schemas.handled, workload.commandCallers + 2);
  bench.opened.push(handlingStore);
  const decidedStreams = new DecidedStreams();
  await enrollBenchProviders(handlingStore, decidedStreams, workload.commandStreams);
  const handling = await measure(
    bench,
    'store',
    () => handledCommands(handlingStore, decidedStreams, commandOptions),
    (result) => result.commands,
  );
  report({
    name: `command handling, LogSession decided on kept state (${workload.commandCallers} callers, ${workload.commandStreams} providers)`,
    adapter: handling,
    baselines: [{ label: 'select max then insert, one transaction each', ...raw }],
    unit: 'commands/s',
    target: '≥ 0.8 of the baseline, p99 ≤ 1.5× its p99',
    extra: `store ${percentiles(handling.result.latency)}; baseline ${percentiles(raw.result.latency)}`,
  });
};

/** The tree's figures on stores of their own, measured as the others' store side. */
const treeBench = (bench: Bench): TreeBench => {
  const schemaOf = (label: string) => {
    const schema = treeSchemas.get(label) ?? `${run}_${label}`;
    treeSchemas.set(label, schema);
    return schema;
  };
  return {
    pool: bench.pool,
    openStore: async (label, keepTree) => {
      const store = await openStore(schemaOf(label), 10, keepTree);
      bench.opened.push(store);
      return store;
    },
    eventsTable: (label) => `"${schemaOf(label)}".events`,
    measureStore: (work, count) => measure(bench, 'store', work, count),
  };
};

const FIGURES = ['append', 'import', 'read', 'commands', 'tree', 'proof'] as const;

const figuresAsked = (): Set<string> => {
  const asked = (process.env['BENCH_FIGURES'] ?? FIGURES.join(',')).split(',').map((name) => name.trim());
  for (const name of asked)
    if (!(FIGURES as ReadonlyArray<string>).includes(name))
      throw new Error(`BENCH_FIGURES names ${name}; the figures are ${FIGURES.join(', ')}.`);
  return new Set(asked);
};

const main = async () => {
  const figures = figuresAsked();
  const pool = new pg.Pool({
    connectionString: withApplicationName(workload.databaseUrl, applicationNames.raw),
    max: workload.commandCallers,
  });
  const opened: PostgresEventStore[] = [];
  try {
    console.log(`# workload: ${JSON.stringify({ ...workload, databaseUrl: undefined, figures: [...figures] })}`);
    await pool.query(`CREATE SCHEMA "${schemas.raw}"`);
    const store = await openStore(schemas.store);
    opened.push(store);
    const bench: Bench = { pool, opened, store, storeEvents: `"${schemas.store}".events` };

    if (figures.has('append')) await batchedAppend(bench);
    else if (figures.has('read')) await storeBatchedAppend(store, workload.events, workload.streams, 8);
    let minimal: RawTable | undefined;
    if (figures.has('import')) minimal = await bulkImport(bench);
    if (figures.has('read')) {
      if (minimal === undefined) {
        minimal = await createMinimalEvents(pool, `"${schemas.raw}".minimal_copied`);
        await rawCopy(pool, minimal, workload.events, workload.streams);
      }
      await readAll(bench, minimal);
    }
    if (figures.has('commands')) await commandAppend(bench);
    if (figures.has('tree')) await treeCost(treeBench(bench));
    if (figures.has('proof')) await proveOneEvent(treeBench(bench));
  } finally {
    await Promise.all(opened.map((store) => store.close()));
    for (const schema of [...Object.values(schemas), ...treeSchemas.values()])
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
