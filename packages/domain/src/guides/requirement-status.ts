import { DomainEvent } from '../kernel/decider';
import { LocalDate, Month } from '../kernel/primitives';
import { MatchedEvent, countedMonthOf, fieldOf, matchingEvents } from './guide-events';
import { AgeGroup, SiteSetting } from '../provider/provider-enrolled';
import { ProgramGuide, Requirement, RequirementKind, RequirementScope } from './program-guide';
import { IndexedSession, SessionLedger, countedSessions, sessionLedgerOf } from './session-ledger';
import {
  addDays,
  addMonths,
  DateWindow,
  daysBetween,
  isEmpty,
  monthOf,
  monthWithin,
  monthsOf,
  resolveWindow,
  suggestedMonthsWithin,
} from './window';

/**
 * Unmet, a requirement is `upcoming` before its window opens, `due` while it is open and `overdue` once it closed;
 * `done` once met (late when after the window); `not-applicable` when it does not apply to the subject.
 */
export type ComplianceStatus = 'upcoming' | 'due' | 'overdue' | 'done' | 'not-applicable';

/** The event that met a requirement; `index` is its position in the events given. */
export interface MetBy {
  readonly type: string;
  readonly date: LocalDate;
  readonly index: number;
}

/** Where the subject stands on one requirement on the day asked about: one line of the timeline. */
export interface RequirementStatus {
  /** The requirement's id; monthly requirements add the month (`dosage-2025-09`). */
  readonly requirementId: string;
  readonly title: string;
  readonly kind: RequirementKind;
  readonly month?: Month;
  readonly window: DateWindow;
  readonly status: ComplianceStatus;
  readonly metBy?: MetBy;
  /** Met, but after the window closed. */
  readonly late?: true;
  /** Matching events (distinct ones, with `distinctBy`) dated in the window up to the day asked about. */
  readonly count?: number;
  /** More matching events than the requirement's `max`. */
  readonly exceeded?: true;
  readonly minutes?: number;
  readonly targetMinutes?: number;
  /** The guide's suggested months within the window: a hint, never a deadline. */
  readonly suggestedMonths?: ReadonlyArray<Month>;
  /** Upcoming: days from the day asked about until the window opens. */
  readonly opensInDays?: number;
  /** Due: days left after the day asked about until the window closes (0 on its last day). */
  readonly daysLeft?: number;
  /** Overdue: days since the window closed; done late: days after the window it was met. */
  readonly daysOverdue?: number;
}

/** Whose statuses to work out, against which guide and year, from which events, on which day. */
export interface StatusQuery {
  readonly guide: ProgramGuide;
  readonly programYear: { readonly startsOn: LocalDate; readonly endsOn: LocalDate };
  readonly scope: RequirementScope;
  readonly setting?: SiteSetting;
  readonly enrolledOn?: LocalDate;
  readonly exitedOn?: LocalDate;
  /** The age groups a provider serves, for requirements asked once per age group served. */
  readonly agesServed?: ReadonlyArray<AgeGroup>;
  /** Every event that bears on the subject (its own streams, its agreements, screenings or community). */
  readonly events: ReadonlyArray<DomainEvent>;
  /** The day asked about: only events dated on or before it count. */
  readonly on: LocalDate;
}

interface Evaluation {
  readonly metBy?: MatchedEvent | MetBy;
  readonly details?: Pick<RequirementStatus, 'count' | 'exceeded' | 'minutes' | 'targetMinutes'>;
}

const settingExcludes = (requirement: Requirement, setting: SiteSetting | undefined): boolean =>
  setting !== undefined &&
  requirement.appliesTo?.settings !== undefined &&
  !requirement.appliesTo.settings.includes(setting);

/** Whether the subject was enrolled for any day of the window (months after exit are not theirs). */
const enrolledDuring = (window: DateWindow, query: StatusQuery): boolean =>
  !isEmpty(window) &&
  (query.enrolledOn === undefined || query.enrolledOn <= window.to) &&
  (query.exitedOn === undefined || query.exitedOn >= window.from);

/** Where an unmet requirement stands on the day asked about, with the days that make it urgent. */
const unmetStatus = (
  window: DateWindow,
  on: LocalDate,
): Pick<RequirementStatus, 'status' | 'opensInDays' | 'daysLeft' | 'daysOverdue'> => {
  if (on < window.from) return { status: 'upcoming', opensInDays: daysBetween(on, window.from) };
  if (on > window.to) return { status: 'overdue', daysOverdue: daysBetween(window.to, on) };
  return { status: 'due', daysLeft: daysBetween(on, window.to) };
};

const statusOf = (
  base: Pick<RequirementStatus, 'requirementId' | 'title' | 'kind' | 'month' | 'window' | 'suggestedMonths'>,
  applicable: boolean,
  evaluate: () => Evaluation,
  on: LocalDate,
): RequirementStatus => {
  if (!applicable) return { ...base, status: 'not-applicable' };
  const { metBy, details } = evaluate();
  if (!metBy) return { ...base, ...details, ...unmetStatus(base.window, on) };
  return {
    ...base,
    ...details,
    status: 'done',
    metBy: { type: metBy.type, date: metBy.date, index: metBy.index },
    ...(metBy.date > base.window.to
      ? { late: true as const, daysOverdue: daysBetween(base.window.to, metBy.date) }
      : {}),
  };
};

const inWindowUpTo = (matched: ReadonlyArray<MatchedEvent>, window: DateWindow, on: LocalDate): MatchedEvent[] =>
  matched.filter((m) => m.date >= window.from && m.date <= on);

/** `once` and `count`: the event that brought the (distinct) count to its minimum. */
const countEvaluation = (
  requirement: Extract<Requirement, { kind: 'once' | 'count' }>,
  window: DateWindow,
  query: StatusQuery,
  counts: (matched: MatchedEvent) => boolean = () => true,
): Evaluation => {
  const matched = inWindowUpTo(matchingEvents(query.events, requirement.event), window, query.on).filter(counts);
  if (requirement.kind === 'once') return { metBy: matched[0] };
  const { distinctBy, min, max } = requirement;
  const seen = new Set<string>();
  let metBy: MatchedEvent | undefined;
  for (const m of matched) {
    const value = distinctBy === undefined ? m.index : fieldOf(m.event, distinctBy);
    if (value === undefined) continue;
    seen.add(JSON.stringify(value));
    if (!metBy && seen.size >= min) metBy = m;
  }
  const exceeded = max !== undefined && seen.size > max;
  return { metBy, details: { count: seen.size, ...(exceeded ? { exceeded: true as const } : {}) } };
};

const monthlyEvaluation = (
  requirement: Extract<Requirement, { kind: 'monthly' }>,
  month: Month,
  query: StatusQuery,
): Evaluation => ({
  metBy: matchingEvents(query.events, requirement.event).find(
    (m) => m.date <= query.on && countedMonthOf(m, requirement.monthField) === month,
  ),
});

/** The session whose minutes brought the month to the target, counting sessions held up to the day asked about. */
const dosageEvaluation = (
  sessions: ReadonlyArray<IndexedSession>,
  month: Month,
  target: number,
  query: StatusQuery,
): Evaluation => {
  const held = sessions
    .filter((s) => monthOf(s.heldOn) === month && s.heldOn <= query.on)
    // A stable sort of sessions in logged order: same-day sessions keep the order they were logged in.
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
  let minutes = 0;
  let metBy: MetBy | undefined;
  for (const session of held) {
    minutes += session.durationMinutes;
    if (!metBy && minutes >= target)
      metBy = { type: 'SessionLogged', date: session.heldOn, index: session.loggedIndex };
  }
  return { metBy, details: { minutes, targetMinutes: target } };
};

/** The value tying an event to its opener, suffixed to the requirement's id: an id (a screening's), never a child's data. */
const keyOf = (matched: MatchedEvent, field: string): string | undefined => {
  const value = fieldOf(matched.event, field);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

/** `each`: one status per opener dated from the window's start up to the day asked about, the first of each key. */
const eachStatuses = (
  requirement: Extract<Requirement, { kind: 'each' }>,
  window: DateWindow,
  excluded: boolean,
  query: StatusQuery,
): RequirementStatus[] => {
  const meeting = matchingEvents(query.events, requirement.event).filter((m) => m.date <= query.on);
  const closing = requirement.closedBy
    ? matchingEvents(query.events, requirement.closedBy).filter((m) => m.date <= query.on)
    : [];
  const opened = new Set<string>();
  return matchingEvents(query.events, requirement.opener).flatMap((opener): RequirementStatus[] => {
    const key = keyOf(opener, requirement.key);
    if (key === undefined || opened.has(key) || opener.date < window.from || opener.date > query.on) return [];
    opened.add(key);
    const own =
      requirement.withinMonths === undefined
        ? window
        : { from: opener.date, to: addDays(addMonths(opener.date, requirement.withinMonths), -1) };
    const base = { title: requirement.title, kind: requirement.kind, requirementId: `${requirement.id}-${key}` };
    const metBy = meeting.find((m) => keyOf(m, requirement.key) === key);
    // Closed unmet, the line can no longer be met: it stops applying rather than standing overdue.
    const closed = !metBy && closing.some((m) => keyOf(m, requirement.key) === key);
    return [
      statusOf(
        { ...base, window: own },
        !excluded && !closed && enrolledDuring(own, query),
        () => ({ metBy }),
        query.on,
      ),
    ];
  });
};

const requirementStatusesOf = (
  requirement: Requirement,
  query: StatusQuery,
  ledger: () => SessionLedger,
): RequirementStatus[] => {
  const window = resolveWindow(requirement.window, { ...query.programYear, enrolledOn: query.enrolledOn });
  const excluded = settingExcludes(requirement, query.setting);
  const common = { title: requirement.title, kind: requirement.kind };
  if (requirement.kind === 'each') return eachStatuses(requirement, window, excluded, query);
  if (requirement.kind === 'once' || requirement.kind === 'count') {
    const suggested = requirement.suggestedMonths && suggestedMonthsWithin(requirement.suggestedMonths, window);
    const base = {
      ...common,
      requirementId: requirement.id,
      window,
      ...(suggested?.length ? { suggestedMonths: suggested } : {}),
    };
    const applicable = !excluded && enrolledDuring(window, query);
    const perAge = requirement.kind === 'once' ? requirement.perAgeServed : undefined;
    if (perAge && query.agesServed)
      return perAge.byAge
        .filter(({ age }) => query.agesServed!.includes(age))
        .map(({ age, values }) =>
          statusOf(
            { ...base, requirementId: `${requirement.id}-${age}` },
            applicable,
            () => ({
              metBy: countEvaluation(requirement, window, query, (m) =>
                values.includes(fieldOf(m.event, perAge.field) as number),
              ).metBy,
            }),
            query.on,
          ),
        );
    return [statusOf(base, applicable, () => countEvaluation(requirement, window, query), query.on)];
  }
  const target = query.guide.dosage?.targetMinutesPerMonth;
  return monthsOf(window).map((month) => {
    const monthWindow = monthWithin(month, window);
    const base = { ...common, requirementId: `${requirement.id}-${month}`, month, window: monthWindow };
    // A dosage requirement in a guide without a monthly target has nothing to reach.
    const applicable =
      !excluded && enrolledDuring(monthWindow, query) && (requirement.kind === 'monthly' || target !== undefined);
    const evaluate = (): Evaluation =>
      requirement.kind === 'monthly'
        ? monthlyEvaluation(requirement, month, query)
        : dosageEvaluation(
            countedSessions(ledger(), query.guide.dosage?.countedKinds ?? []),
            month,
            target ?? 0,
            query,
          );
    return statusOf(base, applicable, evaluate, query.on);
  });
};

/**
 * Where each of a guide's requirements stands for one subject (a provider, a community or a
 * coach) on a given day. Pure: the day is an argument, and the answer for a past day is what
 * the timeline showed then, as far as event dates tell.
 */
export const requirementStatuses = (query: StatusQuery): RequirementStatus[] => {
  let sessions: SessionLedger | undefined;
  const ledger = () => (sessions ??= sessionLedgerOf(query.events));
  return query.guide.requirements
    .filter((requirement) => requirement.scope === query.scope)
    .flatMap((requirement) => requirementStatusesOf(requirement, query, ledger));
};

/** A line of `requirementStatuses` as a view keeps it: its id, its kind, its month when monthly. */
export interface RequirementLine {
  readonly requirementId: string;
  readonly kind: RequirementKind;
  readonly month?: Month | null;
}

/** Whether `requirement` names the line: its id, or its id suffixed as its kind suffixes each line's. */
const namesLine = (requirement: Requirement, line: RequirementLine): boolean => {
  if (requirement.kind !== line.kind) return false;
  const id = line.requirementId;
  switch (requirement.kind) {
    case 'monthly':
    case 'monthly-dosage':
      return typeof line.month === 'string' && id === `${requirement.id}-${line.month}`;
    case 'each':
      return id.length > requirement.id.length + 1 && id.startsWith(`${requirement.id}-`);
    case 'once':
      return (
        id === requirement.id ||
        (requirement.perAgeServed?.byAge ?? []).some(({ age }) => id === `${requirement.id}-${age}`)
      );
    case 'count':
      return id === requirement.id;
  }
};

/**
 * The guide's requirement a line answers for (`asq-se2-follow-up` for `asq-se2-follow-up-scr-1`, `dosage` for
 * `dosage-2025-10`), so a reader can ask for every line of a requirement by the id the guide gives it. Where one
 * id begins another's, the longer one, the more particular, names the line.
 */
export const requirementOfLine = (guide: ProgramGuide, line: RequirementLine): Requirement | undefined =>
  guide.requirements
    .filter((requirement) => namesLine(requirement, line))
    .reduce<Requirement | undefined>(
      (longest, requirement) => (longest && longest.id.length >= requirement.id.length ? longest : requirement),
      undefined,
    );
