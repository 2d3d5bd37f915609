import * as t from 'io-ts';
import { Id, LocalDate, Month, NonNegativeInteger, oneOf, Text } from '@coachline/domain';
import { compareText } from '../ordering';
import type { TimelineRequirement } from '../timeline/timeline.view';

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

type Unmet = TimelineRequirement & { readonly status: UnmetStatus };

const RANK: Readonly<Record<UnmetStatus, number>> = { overdue: 0, due: 1, upcoming: 2 };

export const isUnmet = (requirement: TimelineRequirement): requirement is Unmet =>
  requirement.status === 'overdue' || requirement.status === 'due' || requirement.status === 'upcoming';

/** The days that measure a requirement's urgency within its status. */
export const daysOf = (requirement: Unmet): number =>
  (requirement.status === 'overdue'
    ? requirement.daysOverdue
    : requirement.status === 'due'
      ? requirement.daysLeft
      : requirement.opensInDays) ?? 0;

/**
 * Urgency: overdue before due before upcoming; the longest overdue first, then the due with the
 * fewest days left, then the upcoming that opens soonest. Ties go by the window's close, then by
 * requirement and month, so the order never depends on the order given.
 */
export const byUrgency = (a: Unmet, b: Unmet): number => {
  const rank = RANK[a.status] - RANK[b.status];
  if (rank !== 0) return rank;
  const days = a.status === 'overdue' ? daysOf(b) - daysOf(a) : daysOf(a) - daysOf(b);
  if (days !== 0) return days;
  return (
    compareText(a.window.to, b.window.to) ||
    compareText(a.requirementId, b.requirementId) ||
    compareText(a.month ?? '', b.month ?? '')
  );
};

/** The first of a provider's unmet requirements in urgency order, or null when none is left. */
export const nextItemOf = (requirements: ReadonlyArray<TimelineRequirement>): NextItem | null => {
  let first: Unmet | undefined;
  for (const requirement of requirements)
    if (isUnmet(requirement) && (first === undefined || byUrgency(requirement, first) < 0)) first = requirement;
  if (first === undefined) return null;
  return {
    requirementId: first.requirementId,
    title: first.title,
    month: first.month,
    status: first.status,
    windowTo: first.window.to,
    days: daysOf(first),
  };
};
