import * as t from 'io-ts';
import * as O from 'fp-ts/Option';
import {
  findGuide,
  Id,
  Instant,
  LocalDate,
  Month,
  NonNegativeInteger,
  ProgramGuide,
  requirementOfLine,
  Text,
} from '@coachline/domain';
import { ProviderTimeline, TimelineRequirement, TimelineStatus, TimelineView } from '../timeline/timeline.view';

/** One provider requirement as the due list shows it: whose, which window, how urgent. */
export const DueRow = t.type(
  {
    providerId: Id,
    /** The provider's coach as known at the as-of moment; null if none. */
    coachId: t.union([Id, t.null]),
    communityId: Id,
    /** Monthly requirements carry their month (`dosage-2025-10`). */
    requirementId: Id,
    title: Text,
    month: t.union([Month, t.null]),
    windowFrom: LocalDate,
    windowTo: LocalDate,
    status: TimelineStatus,
    /**
     * The number that makes the status urgent: days until the window opens (upcoming), days left
     * (due, 0 on the last day), days since it closed (overdue) or days late (done late); else null.
     */
    days: t.union([NonNegativeInteger, t.null]),
    /** Met, but after the window closed. */
    late: t.boolean,
    metOn: t.union([LocalDate, t.null]),
    metByEventId: t.union([Id, t.null]),
    /** Monthly dosage: the month's counted minutes and the guide's target. */
    minutes: t.union([NonNegativeInteger, t.null]),
    targetMinutes: t.union([NonNegativeInteger, t.null]),
  },
  'DueRow',
);
export type DueRow = t.TypeOf<typeof DueRow>;

/** The providers' requirements still to meet, most urgent first, as of a moment and measured on its UTC day. */
export const DueList = t.type({ asOf: Instant, on: LocalDate, rows: t.array(DueRow) }, 'DueList');
export type DueList = t.TypeOf<typeof DueList>;

/** Which rows a reader asks for; every filter given must hold for a row to be listed. */
export interface DueFilter {
  readonly coachId?: string;
  readonly communityId?: string;
  readonly providerId?: string;
  /** Default: `DEFAULT_DUE_STATUSES`. */
  readonly statuses?: ReadonlyArray<TimelineStatus>;
  /**
   * A requirement's id as the guide names it, matching each of its lines: `dosage` matches `dosage-2025-10`,
   * `asq-se2-follow-up` every screening's follow-up (`asq-se2-follow-up-q-1`); or one line's own id.
   */
  readonly requirement?: string;
  /**
   * The work ahead within so many days: overdue rows, due rows with at most that many days left,
   * upcoming rows opening within that many days. Done and not-applicable rows are no work ahead.
   */
  readonly withinDays?: number;
}

/** What is still to do now: the list's statuses when a reader names none. */
export const DEFAULT_DUE_STATUSES: ReadonlyArray<TimelineStatus> = ['overdue', 'due'];

const rowOf = (provider: ProviderTimeline, requirement: TimelineRequirement): DueRow => ({
  providerId: provider.providerId,
  coachId: provider.coachId,
  communityId: provider.communityId,
  requirementId: requirement.requirementId,
  title: requirement.title,
  month: requirement.month,
  windowFrom: requirement.window.from,
  windowTo: requirement.window.to,
  status: requirement.status,
  // The timeline carries at most one of the three, the one its status is measured by.
  days: requirement.opensInDays ?? requirement.daysLeft ?? requirement.daysOverdue,
  late: requirement.late,
  metOn: requirement.metBy?.date ?? null,
  metByEventId: requirement.metBy?.eventId ?? null,
  minutes: requirement.minutes,
  targetMinutes: requirement.targetMinutes,
});

/**
 * Whether a line is of the requirement named: by its own id, or by the id its guide gives the requirement it answers
 * for. Under a guide no longer known, a monthly line is still found by its id less its month.
 */
export const isOfRequirement = (
  guide: ProgramGuide | undefined,
  line: Pick<TimelineRequirement, 'requirementId' | 'kind' | 'month'>,
  requirement: string,
): boolean =>
  line.requirementId === requirement ||
  (guide === undefined
    ? line.month !== null && line.requirementId === `${requirement}-${line.month}`
    : requirementOfLine(guide, line)?.id === requirement);

/** Whether a row is work ahead within `days` days (see `DueFilter.withinDays`). */
export const isWithinDays = (row: Pick<DueRow, 'status' | 'days'>, days: number): boolean => {
  switch (row.status) {
    case 'overdue':
      return true;
    case 'due':
    case 'upcoming':
      return row.days !== null && row.days <= days;
    default:
      return false;
  }
};

const keeps = (filter: DueFilter, statuses: ReadonlySet<TimelineStatus>) => (row: DueRow) =>
  statuses.has(row.status) &&
  (filter.coachId === undefined || row.coachId === filter.coachId) &&
  (filter.communityId === undefined || row.communityId === filter.communityId) &&
  (filter.providerId === undefined || row.providerId === filter.providerId) &&
  (filter.withinDays === undefined || isWithinDays(row, filter.withinDays));

const STATUS_RANK: Readonly<Record<TimelineStatus, number>> = {
  overdue: 0,
  due: 1,
  upcoming: 2,
  done: 3,
  'not-applicable': 4,
};

/** Within a status, the more urgent first: overdue longest first; due and upcoming soonest first. */
const urgencyOf = (row: DueRow): number =>
  row.status === 'overdue' ? -(row.days ?? 0) : row.status === 'due' || row.status === 'upcoming' ? (row.days ?? 0) : 0;

// Ids and dates are compared by UTF-16 code units, as the views order them.
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Most urgent first; ties by the window's end, the provider and the requirement. */
export const byUrgency = (a: DueRow, b: DueRow): number =>
  STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
  urgencyOf(a) - urgencyOf(b) ||
  byText(a.windowTo, b.windowTo) ||
  byText(a.providerId, b.providerId) ||
  byText(a.requirementId, b.requirementId);

/**
 * The due list of a timeline: one row per provider requirement that meets every filter, most
 * urgent first. Pure; the day the statuses are measured on is the timeline's own (`view.on`).
 */
export const dueList = (view: TimelineView, filter: DueFilter = {}): DueList => {
  const statuses = new Set(filter.statuses ?? DEFAULT_DUE_STATUSES);
  const kept = keeps(filter, statuses);
  const { requirement: named } = filter;
  const rows = view.providers
    .filter((p) => filter.providerId === undefined || p.providerId === filter.providerId)
    .flatMap((provider) => {
      const guide = provider.guideId === null ? undefined : O.toUndefined(findGuide(provider.guideId));
      return provider.requirements
        .filter((requirement) => named === undefined || isOfRequirement(guide, requirement, named))
        .map((requirement) => rowOf(provider, requirement));
    })
    .filter(kept)
    .sort(byUrgency);
  return { asOf: view.asOf, on: view.on, rows };
};
