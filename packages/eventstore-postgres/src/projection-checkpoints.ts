import {
  withSubjectEntries,
  type LoadedProjection,
  type ParkedAt,
  type ProjectionCheckpoints,
  type ProjectionRecord,
} from '@coachline/eventstore';
import type { SqlClient, SqlQueryable, SqlTransaction } from './sql-client';

interface ProjectionRow {
  readonly name: string;
  readonly version: number;
  readonly position: number;
  readonly state: string;
  readonly parked: ParkedAt | null;
}

/** Entries read per statement when a view is loaded. */
const ENTRIES_PER_STATEMENT = 2_000;
/**
 * A save's statement ends after this many characters of entries' JSON (or ENTRIES_PER_STATEMENT
 * entries): entries holding a provider's whole year are large, and a save of a rebuilt view would
 * otherwise hold thousands of them as text, and again as the statement's parameters, at once.
 */
const TEXT_PER_STATEMENT = 4_000_000;

/**
 * A save writing this many characters of JSON or more compresses it with LZ4 where the server has
 * it: PostgreSQL's own compression (pglz) took about three times as long for sizes alike, and a
 * rebuilt view's save waited on it more than on anything else.
 */
const LARGE_SAVE_CHARACTERS = 1_000_000;

/** Keys per statement deleting the rows of entries a save replaces or removes. */
const KEYS_PER_STATEMENT = 10_000;

const SUBJECT_COLUMNS = ['name', 'subject', 'state'];

/**
 * The rows of the entries still in the view, their states as JSON text, in chunks of at most
 * TEXT_PER_STATEMENT characters or ENTRIES_PER_STATEMENT rows.
 */
function* entryRows(name: string, changed: ReadonlyArray<readonly [string, unknown]>): Generator<string[][]> {
  let rows: string[][] = [];
  let characters = 0;
  for (const [key, entry] of changed) {
    if (entry === undefined) continue;
    const text = JSON.stringify(entry);
    rows.push([name, key, text]);
    characters += text.length;
    if (characters >= TEXT_PER_STATEMENT || rows.length >= ENTRIES_PER_STATEMENT) {
      yield rows;
      rows = [];
      characters = 0;
    }
  }
  if (rows.length > 0) yield rows;
}

const recordOf = (row: ProjectionRow): ProjectionRecord => ({
  name: row.name,
  version: row.version,
  position: row.position,
  state: JSON.parse(row.state) as unknown,
  ...(row.parked ? { parked: row.parked } : {}),
});

/** A view's entries, a page at a time in key order, each parsed on its own. */
async function* entriesOf(
  session: SqlQueryable,
  schema: string,
  name: string,
): AsyncGenerator<readonly [string, unknown]> {
  let after = '';
  for (;;) {
    const page = await session.query<{ subject: string; state: string }>(
      `SELECT subject, state FROM "${schema}".projection_subjects
        WHERE name = $1 AND subject > $2 ORDER BY subject LIMIT ${ENTRIES_PER_STATEMENT}`,
      [name, after],
    );
    for (const row of page) yield [row.subject, JSON.parse(row.state) as unknown] as const;
    if (page.length < ENTRIES_PER_STATEMENT) return;
    after = page[page.length - 1]!.subject;
  }
}

const hasEntries = async (session: SqlQueryable, schema: string, name: string): Promise<boolean> => {
  const [row] = await session.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "${schema}".projection_subjects WHERE name = $1) AS present`,
    [name],
  );
  return row?.present === true;
};

/**
 * A stored view's state as JSON text, whole: for a view kept by subject, its row's state with
 * every entry put back. For reading a view as one value (inspection, the stored view check).
 */
export const wholeViewText = async (
  session: SqlQueryable,
  schema: string,
  name: string,
  state: string,
): Promise<string> => {
  if (!(await hasEntries(session, schema, name))) return state;
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    // A row that is not JSON is reported as it is by whoever reads it.
    return state;
  }
  const entries: Array<readonly [string, unknown]> = [];
  for await (const entry of entriesOf(session, schema, name)) entries.push(entry);
  return JSON.stringify(withSubjectEntries(parsed, entries));
};

/**
 * Projection views and checkpoints in the store's own database. A view's state and the position
 * it reflects are one row; a view kept by subject has its entries in rows of their own beside it,
 * and a save writes the row and the entries that changed in one transaction: after a crash at
 * any point the store holds either the old view with its position or the new one, never a view
 * with the wrong position.
 */
export class PostgresProjectionCheckpoints implements ProjectionCheckpoints {
  private readonly table: string;
  private readonly subjects: string;
  /** Whether the server compresses with LZ4, asked once, at the first large save. */
  private lz4: Promise<boolean> | undefined;

  constructor(
    private readonly client: SqlClient,
    private readonly schema: string,
  ) {
    this.table = `"${schema}".projections`;
    this.subjects = `"${schema}".projection_subjects`;
  }

  async load(name: string): Promise<LoadedProjection | undefined> {
    const [row] = await this.client.query<ProjectionRow>(
      `SELECT name, version, position, state, parked FROM ${this.table} WHERE name = $1`,
      [name],
    );
    if (!row) return undefined;
    if (!(await hasEntries(this.client, this.schema, name))) return recordOf(row);
    return { ...recordOf(row), subjectEntries: () => entriesOf(this.client, this.schema, name) };
  }

  async save(record: ProjectionRecord): Promise<void> {
    const { subjects } = record;
    const state = JSON.stringify(record.state);
    const large = state.length >= LARGE_SAVE_CHARACTERS || (subjects?.changed.length ?? 0) >= ENTRIES_PER_STATEMENT;
    const lz4 = large && (await this.compressesWithLz4());
    await this.client.transaction(async (tx) => {
      // For this transaction only: values a save writes are compressed as they are written.
      if (lz4) await tx.query(`SELECT set_config('default_toast_compression', 'lz4', true)`);
      await tx.query(
        `INSERT INTO ${this.table} (name, version, position, state, parked, updated_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, now())
         ON CONFLICT (name) DO UPDATE
           SET version = EXCLUDED.version, position = EXCLUDED.position, state = EXCLUDED.state,
               parked = EXCLUDED.parked, updated_at = EXCLUDED.updated_at`,
        [record.name, record.version, record.position, state, record.parked ? JSON.stringify(record.parked) : null],
      );
      // A view saved whole, or kept by subject from scratch, leaves no entry of before.
      if (subjects === undefined || subjects.fresh)
        await tx.query(`DELETE FROM ${this.subjects} WHERE name = $1`, [record.name]);
      if (subjects !== undefined) await this.saveEntries(tx, record.name, subjects.fresh, subjects.changed);
    });
  }

  private compressesWithLz4(): Promise<boolean> {
    this.lz4 ??= this.client
      .query<{ lz4: boolean }>(
        `SELECT coalesce(bool_or('lz4' = ANY(enumvals)), false) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`,
      )
      .then(([row]) => row?.lz4 === true)
      // A server that cannot say saves as it always did.
      .catch(() => false);
    return this.lz4;
  }

  async list(): Promise<ReadonlyArray<ProjectionRecord>> {
    const rows = await this.client.query<ProjectionRow>(
      `SELECT name, version, position, state, parked FROM ${this.table} ORDER BY name`,
    );
    const records: ProjectionRecord[] = [];
    for (const row of rows)
      records.push(recordOf({ ...row, state: await wholeViewText(this.client, this.schema, row.name, row.state) }));
    return records;
  }

  /**
   * Writes changed entries. An entry saved again replaces its row: every entry named loses its
   * row first, then the entries still in the view are written by the engine's bulk path (COPY)
   * rather than as text arrays to unnest. A large save is one bulk write fed a chunk at a time:
   * only one chunk's JSON text is held at once, and the next is made while the database takes
   * in the last.
   */
  private async saveEntries(
    tx: SqlTransaction,
    name: string,
    fresh: boolean,
    changed: ReadonlyArray<readonly [string, unknown]>,
  ): Promise<void> {
    if (!fresh)
      for (let start = 0; start < changed.length; start += KEYS_PER_STATEMENT)
        await tx.query(`DELETE FROM ${this.subjects} WHERE name = $1 AND subject = ANY($2::text[])`, [
          name,
          changed.slice(start, start + KEYS_PER_STATEMENT).map(([key]) => key),
        ]);
    if (changed.length < ENTRIES_PER_STATEMENT) {
      for (const rows of entryRows(name, changed)) await tx.insertRows(this.subjects, SUBJECT_COLUMNS, rows);
      return;
    }
    const writer = await tx.openBulkWriter(this.subjects, SUBJECT_COLUMNS);
    try {
      for (const rows of entryRows(name, changed)) await writer.write(rows);
      await writer.finish();
    } catch (error) {
      await writer.abort(error);
      throw error;
    }
  }
}
