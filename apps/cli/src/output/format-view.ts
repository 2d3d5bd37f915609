import { stringify } from 'csv-stringify/sync';
import Table from 'cli-table3';
import { ViewTable } from '@coachline/projections';

export const FORMATS = ['json', 'csv', 'table'] as const;
export type Format = (typeof FORMATS)[number];

/** A view as the reader asked for it; `json` is the contract other programs parse. */
export const formatView = (view: unknown, table: ViewTable, format: Format): string => {
  switch (format) {
    case 'json':
      return `${JSON.stringify(view, null, 2)}\n`;
    case 'csv':
      return stringify([table.header as string[], ...(table.rows as unknown[][])], {
        cast: { boolean: (b) => String(b) },
      });
    case 'table': {
      // One rule under the header, none between rows: long views stay readable in a terminal.
      const rendered = new Table({
        head: [...table.header],
        style: { head: [], border: [] },
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      });
      for (const row of table.rows) rendered.push(row.map((cell) => (cell === null ? '' : String(cell))));
      return `${rendered.toString()}\n`;
    }
  }
};
