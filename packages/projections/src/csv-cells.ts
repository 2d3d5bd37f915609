import type { ViewTable } from './projection';

/**
 * A spreadsheet opening a CSV runs a cell that starts like a formula (`=`, `+`, `-`, `@`, or a tab
 * or carriage return before one), and a view's text cells hold what people typed: such a cell is
 * written with a leading apostrophe, which spreadsheets show as text. Numbers are values, never
 * formulas, and are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text: null is an empty cell, a boolean `true` or `false`. */
export const csvCell = (cell: string | number | boolean | null): string => {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
};

/** A view's table as the records of a CSV file, header first: what the API and the command line both write. */
export const csvRecords = (table: ViewTable): string[][] => [
  table.header.map(csvCell),
  ...table.rows.map((row) => row.map(csvCell)),
];
