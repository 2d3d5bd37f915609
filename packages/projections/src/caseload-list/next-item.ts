import * as t from 'io-ts';
import { Id, LocalDate, Month, NonNegativeInteger, oneOf, Text } from '@coachline/domain';
import { DueRow, dueList } from '../due/due-list';
import type { TimelineView } from '../timeline/timeline.view';

/** The statuses of a requirement still to be met. */
export const UnmetStatus = oneOf('UnmetStatus', 'overdue', 'due', 'upcoming');
export type UnmetStatus = t.TypeOf<typeof UnmetStatus>;

/** A provider's most urgent unmet requirement; `days` is days overdue, days left, or days until it opens, by status. */
export const NextItem = t.type(
  {
    requirementId: Id,
    title: Text,
    month: t.union([Month, t.null]),
    status: UnmetStatus,
    windowTo: LocalDate,
    days: NonNegativeInteger,
  },
  'NextItem',
);
export type NextItem = t.TypeOf<typeof NextItem>;

const UNMET: ReadonlyArray<UnmetStatus> = ['overdue', 'due', 'upcoming'];

const itemOf = (row: DueRow & { readonly status: UnmetStatus }): NextItem => ({
  requirementId: row.requirementId,
  title: row.title,
  month: row.month,
  status: row.status,
  windowTo: row.windowTo,
  days: row.days ?? 0,
});

/**
 * Each provider's first unmet requirement in the due list's urgency order (overdue longest
 * first, then due with the fewest days left, then upcoming soonest): the due list's own order,
 * so the two never disagree on what comes first.
 */
export const nextItems = (timeline: TimelineView): Map<string, NextItem> => {
  const next = new Map<string, NextItem>();
  for (const row of dueList(timeline, { statuses: UNMET }).rows)
    if (!next.has(row.providerId)) next.set(row.providerId, itemOf(row as DueRow & { status: UnmetStatus }));
  return next;
};
