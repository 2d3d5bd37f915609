import { ProjectionRunner } from '@coachline/views';
import { openPostgresEventStore, PostgresEventStore } from '@coachline/eventstore-postgres';
import { AnyProjection } from '@coachline/projections';
import pg from 'pg';
import { readEventLines } from './event-lines';

/**
 * Gathers the planner's statistics of the events table, as autovacuum does on a server left to its
 * defaults soon after a large import (the benchmark's server may run without it). Without them the
 * planner guesses how many events a page of some types holds, and may read the type index and sort.
 */
const analyzeEvents = async (connectionString: string, schema: string): Promise<void> => {
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(`ANALYZE "${schema}".events`);
  } finally {
    await admin.end();
  }
};

/** Imports the demo file into a fresh schema of the server, for the rebuild figures. */
export const storeWithDemo = async (
  connectionString: string,
  schema: string,
  file: string,
): Promise<PostgresEventStore> => {
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
  const store = await openPostgresEventStore({ connectionString, schema });
  const source = async function* () {
    for await (const line of readEventLines(file)) {
      const event = JSON.parse(line) as {
        stream: string;
        id: string;
        type: string;
        schemaVersion: number;
        data: unknown;
        metadata: never;
      };
      yield {
        stream: event.stream,
        event: {
          id: event.id,
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          metadata: event.metadata,
        },
      };
    }
  };
  await store.importEvents(source());
  await analyzeEvents(connectionString, schema);
  return store;
};

/** The store a previous run imported into the schema, when it holds as many events as the file; else a fresh import. */
export const storeHoldingDemo = async (
  connectionString: string,
  schema: string,
  file: string,
): Promise<PostgresEventStore> => {
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  const held = await admin
    .query<{ count: string }>(`SELECT count(*) AS count FROM "${schema}".events`)
    .then((result) => Number(result.rows[0]?.count ?? 0))
    .catch(() => 0);
  await admin.end();
  let lines = 0;
  for await (const line of readEventLines(file)) if (line.length > 0) lines++;
  if (held !== lines || held === 0) return storeWithDemo(connectionString, schema, file);
  await analyzeEvents(connectionString, schema);
  return openPostgresEventStore({ connectionString, schema });
};

/** Peak heap while `work` runs, sampled every 50 ms. */
export const withPeakHeap = async <T>(work: () => Promise<T>): Promise<{ result: T; peakHeapMb: number }> => {
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
  try {
    const result = await work();
    return { result, peakHeapMb: Math.round(peak / 1e6) };
  } finally {
    clearInterval(sampler);
  }
};

/**
 * How often a rebuild saves; BENCH_VIEWS_SAVE_EVENTS and BENCH_VIEWS_SAVE_MS change the count and the
 * interval, to weigh what the saves cost.
 */
const saveEvery = {
  events: Number(process.env['BENCH_VIEWS_SAVE_EVENTS'] ?? 200_000),
  ms: Number(process.env['BENCH_VIEWS_SAVE_MS'] ?? 5_000),
};

/** A rebuild from nothing: fresh checkpoints, every event read once, views saved with their positions. */
export const rebuild = async (
  store: PostgresEventStore,
  projections: ReadonlyArray<AnyProjection>,
): Promise<number> => {
  const checkpoints = store.projectionCheckpoints();
  // Starting from a version nobody stored makes the runner rebuild each view from the start.
  for (const projection of projections)
    await checkpoints.save({ name: projection.name, version: -1, position: 0, state: null });
  const runner = new ProjectionRunner({ store, checkpoints, projections, saveEvery });
  await runner.start();
  await runner.stop();
  return runner.positionOf(projections[0]!.name);
};

/** The floor for a rebuild: the same rows read in keyset pages of 10,000 by a bare pg client. */
export const rawKeysetRead = async (connectionString: string, schema: string): Promise<number> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  let after = 0;
  let count = 0;
  for (;;) {
    const page = await client.query(
      `SELECT position, stream, revision, id, type, schema_version, data, metadata FROM "${schema}".events WHERE position > $1 ORDER BY position LIMIT 10000`,
      [after],
    );
    if (page.rows.length === 0) break;
    count += page.rows.length;
    after = Number(page.rows[page.rows.length - 1].position);
  }
  await client.end();
  return count;
};
