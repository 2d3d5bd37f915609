import fc from 'fast-check';
import { csvCell, csvRecords } from './csv-cells';

describe('CSV cells', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x")'])(
    'writes %j, which a spreadsheet would run, as text',
    (cell) => {
      expect(csvCell(cell)).toBe(`'${cell}`);
    },
  );

  it('writes other text, numbers, booleans and null as they read', () => {
    expect(csvCell('p-017')).toBe('p-017');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
  });

  it('never starts a text cell with a formula character, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const written = csvCell(text);
        expect(written).not.toMatch(/^[=+\-@\t\r]/);
        expect(written === text || written === `'${text}`).toBe(true);
      }),
    );
  });

  it('gives the header then one record per row, every one as long as the header', () => {
    const table = {
      header: ['subjectId', 'note', 'count'],
      rows: [['p-1', '=cmd', 3] as const, ['p-2', null, null] as const],
    };
    expect(csvRecords(table)).toEqual([
      ['subjectId', 'note', 'count'],
      ['p-1', "'=cmd", '3'],
      ['p-2', '', ''],
    ]);
  });
});
