import { stringify } from 'csv-stringify/sync';
import Table from 'cli-table3';
import { type AnyProjection, csvRecords, ViewTable } from '@coachline/projections';

export const FORMATS = ['json', 'csv', 'table'] as const;
export type Format = (typeof FORMATS)[number];

/** A view as the reader asked for it; `json` is the contract other programs parse. */
export const formatView = (view: unknown, table: ViewTable, format: Format): string => {
  switch (format) {
    case 'json':
      return `${JSON.stringify(view, null, 2)}\n`;
    case 'csv':
      return stringify(csvRecords(table));
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

/** A projection's view as asked for: a terminal gets the projection's compact table when it has one, CSV every column. */
export const formatProjectionView = (projection: AnyProjection, view: unknown, format: Format): string =>
  formatView(
    view,
    format === 'table' && projection.terminalTable ? projection.terminalTable(view) : projection.table(view),
    format,
  );
