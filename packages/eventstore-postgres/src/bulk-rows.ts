import type { SqlQueryable, SqlValue } from './sql-client';

type Row = ReadonlyArray<SqlValue>;

/** PostgreSQL's wire protocol caps a statement at 65,535 parameters. */
const MAX_PARAMETERS = 65_535;
const MAX_ROWS_PER_STATEMENT = 1_000;
/** Keeps one statement's parameters (events up to ~1 MB each) to a size both engines take comfortably. */
const MAX_BYTES_PER_STATEMENT = 16 * 1024 * 1024;

const valueBytes = (value: SqlValue): number =>
  typeof value === 'string' ? value.length : value instanceof Uint8Array ? value.length * 2 : 8;

/** Splits rows into statement-sized chunks, bounded by row count, parameter count and bytes. */
export function* statementChunks(rows: ReadonlyArray<Row>, columnCount: number): Generator<ReadonlyArray<Row>> {
  const rowsPerStatement = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columnCount));
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    while (end < rows.length && end - start < rowsPerStatement) {
      for (const value of rows[end] as Row) bytes += valueBytes(value);
      if (bytes > MAX_BYTES_PER_STATEMENT && end > start) break;
      end += 1;
    }
    yield rows.slice(start, end);
    start = end;
  }
}

export const placeholders = (rowCount: number, columnCount: number): string => {
  const tuples: string[] = [];
  for (let row = 0; row < rowCount; row += 1) {
    const slots: string[] = [];
    for (let column = 1; column <= columnCount; column += 1) slots.push(`$${row * columnCount + column}`);
    tuples.push(`(${slots.join(',')})`);
  }
  return tuples.join(',');
};

/** Whether the rows fit in one multi-row INSERT of at most `maxRows` rows. */
export const fitsOneStatement = (rows: ReadonlyArray<Row>, columnCount: number, maxRows: number): boolean => {
  if (rows.length > maxRows) return false;
  const [first] = statementChunks(rows, columnCount);
  return first === undefined || first.length === rows.length;
};

/** Inserts rows with as few multi-row INSERT statements as the limits allow. */
export const insertByStatements = async (
  session: SqlQueryable,
  table: string,
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<Row>,
): Promise<void> => {
  const head = `INSERT INTO ${table} (${columns.join(',')}) VALUES `;
  for (const chunk of statementChunks(rows, columns.length)) {
    await session.query(head + placeholders(chunk.length, columns.length), chunk.flat());
  }
};

/**
 * Whether COPY would read a character of the text as an escape or a delimiter. One `includes` per
 * character, each a native scan, is several times faster than a character class on texts of a few
 * hundred characters.
 */
const needsCopyEscape = (text: string): boolean =>
  text.includes('\\') || text.includes('\t') || text.includes('\n') || text.includes('\r');
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: NULL as \N, and the characters COPY reads as delimiters escaped. */
export const copyField = (value: SqlValue): string => {
  // Numbers (positions, revisions, versions) need no escaping; the test is the common case's whole cost.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return needsCopyEscape(value)
      ? value.replace(/[\\\t\n\r]/g, (character) => COPY_ESCAPES[character] as string)
      : value;
  if (value === null) return '\\N';
  // bytea in its hex form, the backslash doubled as COPY's text format reads it.
  if (value instanceof Uint8Array)
    return `\\\\x${Buffer.from(value.buffer, value.byteOffset, value.length).toString('hex')}`;
  if (Array.isArray(value)) throw new TypeError('Arrays are not written through COPY.');
  return String(value);
};

/** A row's line; built by concatenation, since an array per row for `join` is garbage for every event. */
export const copyLine = (row: Row): string => {
  let line = row.length === 0 ? '' : copyField(row[0] as SqlValue);
  for (let column = 1; column < row.length; column += 1) line += `\t${copyField(row[column] as SqlValue)}`;
  return `${line}\n`;
};

const COPY_CHUNK_BYTES = 256 * 1024;
/** UTF-8 takes at most three bytes for each UTF-16 unit of a JavaScript string. */
const MAX_UTF8_PER_UNIT = 3;

/**
 * Rows as COPY text, encoded to UTF-8 straight into buffers of about `COPY_CHUNK_BYTES`, each ending
 * on a row boundary: no chunk is built as a string first, only to be encoded once more for the
 * socket. Each line is encoded with one call: a call per field cost more than the encoding itself.
 * A line larger than a chunk gets a buffer of its own size.
 */
export function* copyText(rows: ReadonlyArray<Row>): Generator<Buffer> {
  let buffer = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
  let used = 0;
  for (const row of rows) {
    const line = copyLine(row);
    const room = line.length * MAX_UTF8_PER_UNIT;
    if (used + room > buffer.length) {
      if (used > 0) yield buffer.subarray(0, used);
      buffer = Buffer.allocUnsafe(Math.max(COPY_CHUNK_BYTES, room));
      used = 0;
    }
    used += buffer.write(line, used, 'utf8');
    if (used >= COPY_CHUNK_BYTES * 0.75) {
      yield buffer.subarray(0, used);
      buffer = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
      used = 0;
    }
  }
  if (used > 0) yield buffer.subarray(0, used);
}
