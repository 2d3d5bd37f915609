/** The same work done with bare `pg`, beside each figure of the event store. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EventToAppend } from '@coachline/eventstore';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { LatencyHistogram } from './measure';
import { eventFile, providerStream, sessionLogged, streamBatches } from './workload';

/** A table a baseline writes to, and whether it has the store's `recorded_at` column. */
export interface RawTable {
  readonly name: string;
  readonly shape: 'minimal' | 'like-store';
}

const MINIMAL_COLUMNS = ['position', 'stream', 'revision', 'id', 'type', 'schema_version', 'data', 'metadata'];
const LIKE_STORE_COLUMNS = [...MINIMAL_COLUMNS, 'recorded_at'];

const columnsOf = (table: RawTable) => (table.shape === 'minimal' ? MINIMAL_COLUMNS : LIKE_STORE_COLUMNS);

const rowOf = (table: RawTable, position: number, stream: string, revision: number, event: EventToAppend) => {
  const row: unknown[] = [
    position,
    stream,
    revision,
    event.id,
    event.type,
    event.schemaVersion,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
  ];
  if (table.shape === 'like-store') row.push(event.metadata.recordedAt);
  return row;
};

/**
 * The plainest events table: the global position as primary key, each stream's revisions unique,
 * data and metadata as JSON. What the store adds on top (the hash chain, the unique event id, the
 * index by type, `recorded_at`) is then part of what a ratio against it measures.
 */
export const createMinimalEvents = async (pool: pg.Pool, name: string): Promise<RawTable> => {
  await pool.query(`CREATE TABLE ${name} (
    position bigint PRIMARY KEY, stream text NOT NULL, revision integer NOT NULL, id text NOT NULL,
    type text NOT NULL, schema_version integer NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
    UNIQUE (stream, revision))`);
  return { name, shape: 'minimal' };
};

/** A table shaped and indexed like the store's events table, so both do the same work. */
export const createLikeEvents = async (pool: pg.Pool, name: string, like: string): Promise<RawTable> => {
  await pool.query(`CREATE TABLE ${name} (LIKE ${like} INCLUDING ALL)`);
  return { name, shape: 'like-store' };
};

/** Multi-row INSERTs of 1,000 rows, each its own transaction, revisions and positions computed here. */
export const rawMultiRowInsert = async (
  pool: pg.Pool,
  table: RawTable,
  events: number,
  streams: number,
): Promise<number> => {
  const revisions = new Map<string, number>();
  let position = 0;
  let rows: unknown[][] = [];
  const columns = columnsOf(table);
  const width = columns.length;
  const flush = async () => {
    const tuples = rows.map(
      (_, r) => `(${Array.from({ length: width }, (__, c) => `$${r * width + c + 1}`).join(',')})`,
    );
    await pool.query(`INSERT INTO ${table.name} (${columns.join(',')}) VALUES ${tuples.join(',')}`, rows.flat());
    rows = [];
  };
  for (const batch of streamBatches(events, streams)) {
    for (const event of batch.events) {
      const revision = (revisions.get(batch.stream) ?? -1) + 1;
      revisions.set(batch.stream, revision);
      position += 1;
      rows.push(rowOf(table, position, batch.stream, revision, event));
      if (rows.length === 1_000) await flush();
    }
  }
  if (rows.length > 0) await flush();
  return position;
};

const copyEscape = (value: unknown): string =>
  value === null
    ? '\\N'
    : String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

/** One COPY of every event. */
export const rawCopy = async (pool: pg.Pool, table: RawTable, events: number, streams: number): Promise<number> => {
  const revisions = new Map<string, number>();
  let position = 0;
  function* lines() {
    let chunk = '';
    for (const { stream, event } of eventFile(events, streams)) {
      const revision = (revisions.get(stream) ?? -1) + 1;
      revisions.set(stream, revision);
      position += 1;
      chunk += `${rowOf(table, position, stream, revision, event).map(copyEscape).join('\t')}\n`;
      if (chunk.length > 256 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk.length > 0) yield chunk;
  }
  const client = await pool.connect();
  try {
    const copy = copyFrom(`COPY ${table.name} (${columnsOf(table).join(',')}) FROM STDIN`);
    await pipeline(Readable.from(lines()), client.query(copy));
  } finally {
    client.release();
  }
  return position;
};

/** Keyset pages over the position, each row decoded as pg decodes it, folded like the store's reader. */
export const rawKeysetRead = async (
  pool: pg.Pool,
  table: string,
  page: number,
  fold: (data: unknown) => void,
): Promise<number> => {
  let after = 0;
  let read = 0;
  for (;;) {
    const { rows } = await pool.query(
      `SELECT position, stream, revision, id, type, schema_version, data, metadata FROM ${table}
        WHERE position > $1 ORDER BY position LIMIT $2`,
      [after, page],
    );
    for (const row of rows) fold(row.data);
    read += rows.length;
    if (rows.length < page) return read;
    after = Number(rows[rows.length - 1].position);
  }
};

/** A table for the bare command: positions from a sequence, and the unique (stream, revision) as the only guard. */
export const createCommandTable = async (pool: pg.Pool, table: string): Promise<void> => {
  await pool.query(`CREATE TABLE ${table} (
    position bigserial PRIMARY KEY, stream text NOT NULL, revision integer NOT NULL, id text NOT NULL UNIQUE,
    type text NOT NULL, schema_version integer NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
    recorded_at timestamptz, UNIQUE (stream, revision))`);
};

/** One transaction per command: select the stream's max revision, insert the next; retry on a duplicate. */
export const rawCommands = async (
  pool: pg.Pool,
  table: string,
  options: { callers: number; streams: number; seconds: number },
): Promise<{ commands: number; conflicts: number; latency: LatencyHistogram }> => {
  const latency = new LatencyHistogram();
  const deadline = Date.now() + options.seconds * 1_000;
  let commands = 0;
  let conflicts = 0;
  const caller = async () => {
    const client = await pool.connect();
    try {
      while (Date.now() < deadline) {
        const stream = providerStream(Math.floor(Math.random() * options.streams));
        const started = performance.now();
        for (;;) {
          try {
            await client.query('BEGIN');
            const { rows } = await client.query(
              `SELECT coalesce(max(revision), -1) AS revision FROM ${table} WHERE stream = $1`,
              [stream],
            );
            const revision = rows[0].revision + 1;
            const event = sessionLogged(stream, commands);
            await client.query(
              `INSERT INTO ${table} (stream, revision, id, type, schema_version, data, metadata, recorded_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
              [
                stream,
                revision,
                event.id,
                event.type,
                event.schemaVersion,
                JSON.stringify(event.data),
                JSON.stringify(event.metadata),
                event.metadata.recordedAt,
              ],
            );
            await client.query('COMMIT');
            break;
          } catch (error) {
            await client.query('ROLLBACK');
            if ((error as { code?: string }).code !== '23505') throw error;
            conflicts += 1;
          }
        }
        latency.record(performance.now() - started);
        commands += 1;
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: options.callers }, caller));
  return { commands, conflicts, latency };
};
