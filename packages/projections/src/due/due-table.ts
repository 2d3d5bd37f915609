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
