import { ViewTable } from '../projection';
import { DueList, DueRow } from './due-list';

/** The due list's columns, in the order CSV and terminal tables show them. */
export const DUE_TABLE_HEADER = [
  'providerId',
  'coachId',
  'communityId',
  'requirementId',
  'title',
  'month',
  'windowFrom',
  'windowTo',
  'status',
  'days',
  'late',
  'metOn',
  'metByEventId',
  'minutes',
  'targetMinutes',
] as const satisfies ReadonlyArray<keyof DueRow>;

/** The due list flattened for CSV and terminal tables: one line per row, in the list's order. */
export const dueTable = (list: DueList): ViewTable => ({
  header: DUE_TABLE_HEADER,
  rows: list.rows.map((row) => DUE_TABLE_HEADER.map((column) => row[column])),
});

/**
 * The status with the days it counts, as the timeline's terminal table says it: until the window
 * opens, left in it, past it, or how late it was met.
 */
const statusText = ({ status, days }: DueRow): string => {
  if (days === null) return status;
  switch (status) {
    case 'upcoming':
      return `upcoming in ${days}d`;
    case 'due':
      return `due, ${days}d left`;
    case 'done':
      return `done ${days}d late`;
    default:
      return `${status} by ${days}d`;
  }
};

/** A window as ISO 8601 shortens an interval: the end's year left out when it is the start's. */
const windowText = ({ windowFrom: from, windowTo: to }: DueRow): string =>
  `${from}–${to.slice(0, 4) === from.slice(0, 4) ? to.slice(5) : to}`;

/**
 * The due list for a terminal: the same rows as `dueTable`, with the columns a reader scans by,
 * so that a row of the demo year fits a line of 120 columns; the CSV keeps every column.
 */
export const dueTerminalTable = (list: DueList): ViewTable => ({
  header: ['providerId', 'coachId', 'requirementId', 'window', 'status', 'metOn', 'minutes'],
  rows: list.rows.map((row) => [
    row.providerId,
    row.coachId,
    row.requirementId,
    windowText(row),
    statusText(row),
    row.metOn,
    row.minutes === null ? null : `${row.minutes}/${row.targetMinutes ?? '-'}`,
  ]),
});
