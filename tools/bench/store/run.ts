/**
 * Event store benchmark on a PostgreSQL server: each figure of the store beside a bare `pg` baseline
 * doing the same work in the same run, one line per figure.
 *
 *   npx tsx --tsconfig tools/tsconfig.json tools/bench/store/run.ts
 *
 * Sizes: BENCH_EVENTS (1,000,000), BENCH_STREAMS (10,000), BENCH_APPEND_CALLERS (8),
 * BENCH_COMMAND_CALLERS (20), BENCH_COMMAND_STREAMS (1,000), BENCH_COMMAND_SECONDS (20),
 * BENCH_READ_PAGE (10,000); DATABASE_URL picks the server.
 */
import { randomBytes } from 'node:crypto';
import { openPostgresEventStore, type PostgresEventStore } from '@coachline/eventstore-postgres';
import pg from 'pg';
import { report, timed } from './measure';
import {
  createCommandTable,
  createLikeEvents,
  rawCommands,
  rawCopy,
  rawKeysetRead,
  rawMultiRowInsert,
} from './raw-baselines';
import { storeBatchedAppend, storeCommands, storeImport, storeReadAll } from './store-workloads';
import { workload } from './workload';

const run = `bench_${randomBytes(4).toString('hex')}`;
const schemas = { store: `${run}_store`, imported: `${run}_import`, commands: `${run}_cmd`, raw: `${run}_raw` };

/** The fold both readers apply: what a projection would add up. */
const minutesFold = () => {
  let minutes = 0;
  return {
    fold: (data: unknown) => void (minutes += (data as { durationMinutes: number }).durationMinutes),
    total: () => minutes,
  };
};

const openStore = (schema: string, poolSize = 10): Promise<PostgresEventStore> =>
  openPostgresEventStore({ connectionString: workload.databaseUrl, schema, poolSize });

const main = async () => {
  const pool = new pg.Pool({ connectionString: workload.databaseUrl, max: workload.commandCallers });
  const opened: PostgresEventStore[] = [];
  try {
    console.log(`# workload: ${JSON.stringify({ ...workload, databaseUrl: undefined })}`);
    await pool.query(`CREATE SCHEMA "${schemas.raw}"`);
    const store = await openStore(schemas.store);
    opened.push(store);
    const storeEvents = `"${schemas.store}".events`;

    // Batched append against multi-row INSERTs into a table with the same columns and indexes.
    await createLikeEvents(pool, `"${schemas.raw}".inserted`, storeEvents);
    const rawInsert = await timed(() =>
      rawMultiRowInsert(pool, `"${schemas.raw}".inserted`, workload.events, workload.streams),
    );
    const append = await timed(() =>
      storeBatchedAppend(store, workload.events, workload.streams, workload.appendCallers),
    );
    report({
      name: 'batched append',
      adapter: { count: append.result, seconds: append.seconds },
      baseline: { label: 'multi-row INSERT of 1,000 rows', count: rawInsert.result, seconds: rawInsert.seconds },
      unit: 'events/s',
      target: '≥ 60,000 events/s',
      extra: `${workload.appendCallers} appends of ${Math.floor(workload.events / workload.streams)} events in flight`,
    });
    await pool.query(`DROP TABLE "${schemas.raw}".inserted`);

    // The import path against a single COPY.
    await createLikeEvents(pool, `"${schemas.raw}".copied`, storeEvents);
    const rawCopied = await timed(() => rawCopy(pool, `"${schemas.raw}".copied`, workload.events, workload.streams));
    const importer = await openStore(schemas.imported);
    opened.push(importer);
    const imported = await timed(() => storeImport(importer, workload.events, workload.streams));
    report({
      name: 'import (COPY)',
      adapter: { count: imported.result, seconds: imported.seconds },
      baseline: { label: 'one COPY', count: rawCopied.result, seconds: rawCopied.seconds },
      unit: 'events/s',
      target: 'approach the single COPY',
    });
    await pool.query(`DROP TABLE "${schemas.raw}".copied`);
    await pool.query(`DROP SCHEMA "${schemas.imported}" CASCADE`);

    // Read-all of what the batched append wrote, against raw keyset pages of the same table.
    await pool.query(`VACUUM ANALYZE ${storeEvents}`);
    const rawFold = minutesFold();
    const rawRead = await timed(() => rawKeysetRead(pool, storeEvents, workload.readPage, rawFold.fold));
    const storeFold = minutesFold();
    const readAll = await timed(() => storeReadAll(store, workload.readPage, storeFold.fold));
    if (storeFold.total() !== rawFold.total()) throw new Error('The two readers folded different histories.');
    report({
      name: 'read-all',
      adapter: { count: readAll.result.read, seconds: readAll.seconds },
      baseline: {
        label: `keyset pages of ${workload.readPage.toLocaleString('en-US')}`,
        count: rawRead.result,
        seconds: rawRead.seconds,
      },
      unit: 'events/s',
      target: '≥ 150,000 events/s, flat memory',
      extra: `heap peak +${readAll.result.heap.peakAboveStartMb.toFixed(0)} MB over ${readAll.result.read.toLocaleString('en-US')} events`,
    });

    // Command handling from concurrent callers.
    const commandOptions = {
      callers: workload.commandCallers,
      streams: workload.commandStreams,
      seconds: workload.commandSeconds,
    };
    await createCommandTable(pool, `"${schemas.raw}".commands`);
    const rawCommanded = await timed(() => rawCommands(pool, `"${schemas.raw}".commands`, commandOptions));
    const commandStore = await openStore(schemas.commands, workload.commandCallers + 2);
    opened.push(commandStore);
    const commanded = await timed(() => storeCommands(commandStore, commandOptions));
    const percentiles = (latency: { percentile(p: number): number }) =>
      `p50 ${latency.percentile(50).toFixed(2)} ms, p99 ${latency.percentile(99).toFixed(2)} ms`;
    report({
      name: `command append (${workload.commandCallers} callers, ${workload.commandStreams} streams)`,
      adapter: { count: commanded.result.commands, seconds: commanded.seconds },
      baseline: {
        label: 'select max then insert, one transaction each',
        count: rawCommanded.result.commands,
        seconds: rawCommanded.seconds,
      },
      unit: 'commands/s',
      target: '≥ 3,000 commands/s, p99 < 15 ms',
      extra: `store ${percentiles(commanded.result.latency)}, ${commanded.result.conflicts} conflicts; baseline ${percentiles(rawCommanded.result.latency)}, ${rawCommanded.result.conflicts} conflicts`,
    });
  } finally {
    await Promise.all(opened.map((store) => store.close()));
    for (const schema of Object.values(schemas)) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
