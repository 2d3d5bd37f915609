import { placeholders } from './bulk-rows';
import { EVENT_COLUMNS, SELECT_EVENT_COLUMNS } from './event-rows';
import type { SqlValue } from './sql-client';

export interface ReadAllPage {
  readonly after: number;
  readonly limit: number;
  readonly types?: ReadonlyArray<string> | undefined;
  readonly streamPrefix?: string | undefined;
}

/** Every statement the store runs, written once for its schema. */
export interface Statements {
  readonly schema: string;
  readonly eventsTable: string;
  /** The channel NOTIFY wakes subscribers on after each commit. */
  readonly channel: string;
  /** Takes the head's row lock: from here until COMMIT this transaction is the only writer. */
  readonly lockHead: string;
  readonly headPosition: string;
  readonly streamRevisions: string;
  readonly streamRevision: string;
  /** Records new stream tips and the new head (with their hashes), and notifies subscribers, in one round trip. */
  readonly advance: string;
  /** Inserts `rowCount` events and advances, in one round trip: the events' parameters come first. */
  insertAndAdvance(rowCount: number): string;
  readonly readStreamForwards: string;
  readonly readStreamBackwards: string;
  readAllPage(page: ReadAllPage): { readonly text: string; readonly params: SqlValue[] };
}

/** Parameters from `$first`: streams, their revisions, positions and tip hashes, the head, the channel, the head's chain. */
const advanceClauses = (s: string, first: number) => `
  advanced_streams AS (
    INSERT INTO ${s}.streams (stream, revision, position, hash)
    SELECT * FROM unnest($${first}::text[], $${first + 1}::int[], $${first + 2}::bigint[], $${first + 3}::text[])
    ON CONFLICT (stream) DO UPDATE SET revision = EXCLUDED.revision, position = EXCLUDED.position, hash = EXCLUDED.hash
  ), advanced_head AS (
    UPDATE ${s}.head SET position = $${first + 4}::bigint, chain = $${first + 6}::text
  )
  SELECT pg_notify($${first + 5}, $${first + 4}::bigint::text)`;

export const statementsFor = (schema: string): Statements => {
  const s = `"${schema}"`;
  const insertAndAdvance = new Map<number, string>();
  return {
    schema,
    eventsTable: `${s}.events`,
    channel: `${schema}_events`,
    lockHead: `SELECT position, chain FROM ${s}.head FOR UPDATE`,
    headPosition: `SELECT position FROM ${s}.head`,
    streamRevisions: `SELECT stream, revision, position, hash FROM ${s}.streams WHERE stream = ANY($1::text[])`,
    streamRevision: `SELECT revision FROM ${s}.streams WHERE stream = $1`,
    advance: `WITH ${advanceClauses(s, 1)}`,
    insertAndAdvance: (rowCount) => {
      let text = insertAndAdvance.get(rowCount);
      if (text === undefined) {
        const inserted = `INSERT INTO ${s}.events (${EVENT_COLUMNS.join(',')}) VALUES ${placeholders(rowCount, EVENT_COLUMNS.length)}`;
        text = `WITH inserted AS (${inserted}), ${advanceClauses(s, rowCount * EVENT_COLUMNS.length + 1)}`;
        insertAndAdvance.set(rowCount, text);
      }
      return text;
    },
    readStreamForwards: `SELECT ${SELECT_EVENT_COLUMNS} FROM ${s}.events
      WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
    readStreamBackwards: `SELECT ${SELECT_EVENT_COLUMNS} FROM ${s}.events
      WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`,
    readAllPage: ({ after, limit, types, streamPrefix }) => {
      const params: SqlValue[] = [after, limit];
      const conditions = [`position > $1`];
      if (types !== undefined) conditions.push(`type = ANY($${params.push([...types])}::text[])`);
      if (streamPrefix !== undefined && streamPrefix !== '') {
        conditions.push(`stream LIKE $${params.push(prefixPattern(streamPrefix))} ESCAPE '\\'`);
      }
      const text = `SELECT ${SELECT_EVENT_COLUMNS} FROM ${s}.events WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT $2`;
      return { text, params };
    },
  };
};

/** A LIKE pattern matching every string that starts with `prefix`, taken literally. */
export const prefixPattern = (prefix: string): string =>
  `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
