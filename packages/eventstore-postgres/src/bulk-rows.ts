import type { SqlQueryable, SqlValue } from './sql-client';

type Row = ReadonlyArray<SqlValue>;

/** PostgreSQL's wire protocol caps a statement at 65,535 parameters. */
const MAX_PARAMETERS = 65_535;
const MAX_ROWS_PER_STATEMENT = 1_000;
/** Keeps one statement's parameters (events up to ~1 MB each) to a size both engines take comfortably. */
const MAX_BYTES_PER_STATEMENT = 16 * 1024 * 1024;

const valueBytes = (value: SqlValue): number => (typeof value === 'string' ? value.length : 8);

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

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: NULL as \N, and the characters COPY reads as delimiters escaped. */
export const copyField = (value: SqlValue): string => {
  if (value === null) return '\\N';
  if (Array.isArray(value)) throw new TypeError('Arrays are not written through COPY.');
  const text = String(value);
  return COPY_SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (character) => COPY_ESCAPES[character] as string) : text;
};

export const copyLine = (row: Row): string => `${row.map(copyField).join('\t')}\n`;

const COPY_CHUNK_CHARS = 256 * 1024;

/** Rows as COPY text, in chunks large enough to keep the socket busy. */
export function* copyText(rows: ReadonlyArray<Row>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += copyLine(row);
    if (chunk.length >= COPY_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
