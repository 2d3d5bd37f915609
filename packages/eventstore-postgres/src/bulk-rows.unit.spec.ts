import fc from 'fast-check';
import { copyField, copyLine, copyText, insertByStatements, statementChunks } from './bulk-rows';
import type { SqlQueryable, SqlValue } from './sql-client';

describe('COPY text encoding', () => {
  it('escapes the characters COPY reads as delimiters and writes NULL as \\N', () => {
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField(null)).toBe('\\N');
    expect(copyField(42)).toBe('42');
    expect(copyField('{"quote":"\\"","emoji":"👩🏽‍🏫"}')).toBe('{"quote":"\\\\"","emoji":"👩🏽‍🏫"}');
  });

  it('writes one tab-separated line per row and chunks long text on row boundaries', () => {
    expect(copyLine([1, 'provider-p-1', null])).toBe('1\tprovider-p-1\t\\N\n');
    const rows = Array.from({ length: 3_000 }, (_, i) => [i, 'x'.repeat(200)]);
    const chunks = [...copyText(rows)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.at(-1) === 0x0a)).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(rows.map(copyLine).join(''));
  });

  it('encodes any rows to the UTF-8 of their lines, in chunks that each end a row', () => {
    const field = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      // Fields larger than a chunk, multi-byte characters included.
      fc
        .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.integer({ min: 10_000, max: 60_000 }))
        .map(([text, times]) => text.repeat(times)),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 20 }), (rows) => {
        const chunks = [...copyText(rows)];
        expect(Buffer.concat(chunks).toString('utf8')).toBe(rows.map(copyLine).join(''));
        expect(chunks.every((chunk) => chunk.length > 0 && chunk.at(-1) === 0x0a)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

describe('multi-row INSERT', () => {
  it('keeps every statement within the parameter limit and in row order', () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => [i, 'a', 'b']);
    const chunks = [...statementChunks(rows, 3)];
    expect(chunks.map((chunk) => chunk.length)).toEqual([1_000, 1_000, 500]);
    expect(chunks.flat()).toEqual(rows);
  });

  it('splits large payloads so no statement carries much more than 16 MB', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const rows = Array.from({ length: 7 }, (_, i) => [i, big]);
    const chunks = [...statementChunks(rows, 2)];
    expect(chunks.map((chunk) => chunk.length)).toEqual([3, 3, 1]);
  });

  it('numbers the placeholders row after row', async () => {
    const statements: Array<{ text: string; params: ReadonlyArray<SqlValue> | undefined }> = [];
    const session: SqlQueryable = {
      query: async (text, params) => {
        statements.push({ text, params });
        return [];
      },
    };
    await insertByStatements(
      session,
      's.t',
      ['a', 'b'],
      [
        [1, 'x'],
        [2, 'y'],
      ],
    );
    expect(statements).toEqual([{ text: 'INSERT INTO s.t (a,b) VALUES ($1,$2),($3,$4)', params: [1, 'x', 2, 'y'] }]);
  });
});
