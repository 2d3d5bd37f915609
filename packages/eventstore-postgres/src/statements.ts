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
  /**
   * Takes the head's row lock and reads the streams' tips in the same statement, without parameters
   * so that BEGIN travels with it. Each row also carries the head as the statement's snapshot saw it:
   * when that differs from the locked head, a writer committed while this one waited for the lock,
   * and the tips (read in that older snapshot) must be read again.
   */
  lockHeadWithTips(streams: ReadonlyArray<string>): string;
  readonly headPosition: string;
  readonly streamRevisions: string;
  readonly streamRevision: string;
  /**
   * Records new stream tips and the new head (with their hashes and the tree's size and peaks, kept
   * as they are when given null), and notifies subscribers, in one round trip.
   */
  readonly advance: string;
  /** Inserts `rowCount` events and advances, in one round trip: the events' parameters come first. */
  insertAndAdvance(rowCount: number): string;
  /**
   * A whole group commit as one statement in its own transaction: takes the head's lock only while
   * the head is still at the position and chain given last (READ COMMITTED checks them again on the
   * newest row once a writer ahead of it commits), and only then inserts `rowCount` events and
   * advances. Parameters as `insertAndAdvance`'s, then the expected head's position and chain (the
   * tree's size and peaks need no check: they change only with the head, or to the same values).
   * Answers one row when it wrote, none when another writer had moved the head.
   */
  appendAtHead(rowCount: number): string;
  /** The head and the streams' tips as one snapshot saw them, without a lock. */
  readonly headAndTips: string;
  /** The head's position, the size the tree covers and its peaks. */
  readonly treeHead: string;
  readonly readStreamForwards: string;
  readonly readStreamBackwards: string;
  readAllPage(page: ReadAllPage): { readonly text: string; readonly params: SqlValue[] };
  /**
   * The events of some types in a span of positions: `$1 < position <= $2`, types `$3`. Bounded by
   * the span rather than a LIMIT, so that a table without statistics cannot be planned as a sort
   * of everything past `$1` on the type index; with them it is a scan of the primary key.
   */
  readonly readTypedSpan: string;
  /**
   * The event of the other types in the same span recorded latest, the first at that instant:
   * its position and `recordedAt` as written. `recorded_at` is null where no instant could be read.
   */
  readonly latestPassedOver: string;
}

/**
 * Parameters from `$first`: streams, their revisions, positions and tip hashes, the head, the channel, the head's chain,
 * the tree's size and peaks (null: unchanged).
 * With `guarded`, each part runs only when the CTE `locked` holds the head's row.
 */
const advanceClauses = (s: string, first: number, guarded = false) => `
  advanced_streams AS (
    INSERT INTO ${s}.streams (stream, revision, position, hash)
    SELECT * FROM unnest($${first}::text[], $${first + 1}::int[], $${first + 2}::bigint[], $${first + 3}::text[])
    ${guarded ? 'WHERE EXISTS (SELECT FROM locked)' : ''}
    ON CONFLICT (stream) DO UPDATE SET revision = EXCLUDED.revision, position = EXCLUDED.position, hash = EXCLUDED.hash
  ), advanced_head AS (
    UPDATE ${s}.head SET position = $${first + 4}::bigint, chain = $${first + 6}::text,
      tree_size = COALESCE($${first + 7}::bigint, tree_size), peaks = COALESCE($${first + 8}::bytea, peaks)
    ${guarded ? 'WHERE EXISTS (SELECT FROM locked)' : ''}
  )
  SELECT pg_notify($${first + 5}, $${first + 4}::bigint::text)${guarded ? ' FROM locked' : ''}`;

/** Each event column's type, so that rows given as a VALUES list (not an INSERT's own) still type their parameters. */
const EVENT_COLUMN_TYPES: Readonly<Record<(typeof EVENT_COLUMNS)[number], string>> = {
  position: 'bigint',
  stream: 'text',
  revision: 'integer',
  id: 'text',
  type: 'text',
  schema_version: 'integer',
  data: 'jsonb',
  metadata: 'jsonb',
  recorded_at: 'timestamptz',
  hash: 'text',
  chain: 'text',
  tree: 'bytea',
};

const typedPlaceholders = (rowCount: number): string => {
  const tuples: string[] = [];
  for (let row = 0; row < rowCount; row += 1) {
    const slots = EVENT_COLUMNS.map(
      (column, index) => `$${row * EVENT_COLUMNS.length + index + 1}::${EVENT_COLUMN_TYPES[column]}`,
    );
    tuples.push(`(${slots.join(',')})`);
  }
  return tuples.join(',');
};

export const statementsFor = (schema: string): Statements => {
  const s = `"${schema}"`;
  const insertAndAdvance = new Map<number, string>();
  const appendAtHead = new Map<number, string>();
  return {
    schema,
    eventsTable: `${s}.events`,
    channel: `${schema}_events`,
    lockHead: `SELECT position, chain, tree_size, peaks FROM ${s}.head FOR UPDATE`,
    lockHeadWithTips: (streams) =>
      `WITH locked AS (SELECT position, chain, tree_size, peaks FROM ${s}.head FOR UPDATE)
      SELECT locked.position AS head_position, locked.chain AS head_chain,
        locked.tree_size AS head_tree_size, locked.peaks AS head_peaks,
        seen.position AS seen_position, seen.chain AS seen_chain,
        tip.stream, tip.revision, tip.position, tip.hash
      FROM locked CROSS JOIN (SELECT position, chain FROM ${s}.head) AS seen
      LEFT JOIN ${s}.streams AS tip ON tip.stream = ANY(${textArrayLiteral(streams)})`,
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
    appendAtHead: (rowCount) => {
      let text = appendAtHead.get(rowCount);
      if (text === undefined) {
        const first = rowCount * EVENT_COLUMNS.length + 1;
        text = `WITH locked AS (
            SELECT position FROM ${s}.head WHERE position = $${first + 9}::bigint AND chain = $${first + 10}::text FOR UPDATE
          ), inserted AS (
            INSERT INTO ${s}.events (${EVENT_COLUMNS.join(',')})
            SELECT * FROM (VALUES ${typedPlaceholders(rowCount)}) AS appended WHERE EXISTS (SELECT FROM locked)
          ), ${advanceClauses(s, first, true)}`;
        appendAtHead.set(rowCount, text);
      }
      return text;
    },
    headAndTips: `SELECT head.position AS head_position, head.chain AS head_chain,
        head.tree_size AS head_tree_size, head.peaks AS head_peaks,
        tip.stream, tip.revision, tip.position, tip.hash
      FROM ${s}.head AS head LEFT JOIN ${s}.streams AS tip ON tip.stream = ANY($1::text[])`,
    treeHead: `SELECT position, tree_size, peaks FROM ${s}.head`,
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
    readTypedSpan: `SELECT ${SELECT_EVENT_COLUMNS} FROM ${s}.events
      WHERE position > $1 AND position <= $2 AND type = ANY($3::text[]) ORDER BY position`,
    // Ordered by the instant, not by the text as written: an output column of the same name would win.
    latestPassedOver: `SELECT position, metadata->>'recordedAt' AS recorded_as FROM ${s}.events
      WHERE position > $1 AND position <= $2 AND NOT (type = ANY($3::text[])) AND recorded_at IS NOT NULL
      ORDER BY events.recorded_at DESC, position LIMIT 1`,
  };
};

/**
 * Strings as an SQL array literal. An escape-string constant (E'…') reads the same whatever
 * `standard_conforming_strings` says: backslashes and quotes doubled, nothing else special.
 */
export const textArrayLiteral = (values: ReadonlyArray<string>): string =>
  `ARRAY[${values.map((value) => `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(',')}]::text[]`;

/** A LIKE pattern matching every string that starts with `prefix`, taken literally. */
export const prefixPattern = (prefix: string): string =>
  `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
