import * as O from 'fp-ts/Option';
import { pipe } from 'fp-ts/function';
import { findGuide } from '@coachline/domain';
import type { CyclesView } from '../cycles/cycles.view';
import type { DosageView } from '../dosage/dosage.view';
import type { RecordingLagView } from '../recording-lag/recording-lag.view';
import type { ProgramYearTimeline, TimelineView } from '../timeline/timeline.view';
import type { ProgramReport, ReportCoach, ReportGuideItem, ReportLag } from './program-report.view';

/**
 * The views a program report is drawn from, all rendered as of one moment: the month's figures
 * are those of what happened in it (sessions held, cycles completed) as recorded by then; the
 * statuses (overdue items, the guide's requirements, Reflective Consultation) are those of that
 * moment's day. The month as it stood at its close is the report as of its last day.
 */
export interface ReportViews {
  readonly dosage: DosageView;
  readonly timeline: TimelineView;
  readonly cycles: CyclesView;
  readonly lag: RecordingLagView;
}

/** The nearest-rank percentile: the smallest value at least `share` of the values are at or under. */
const percentile = (sorted: ReadonlyArray<number>, share: number): number | null =>
  sorted.length === 0 ? null : sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)]!;

export const lagOf = (days: ReadonlyArray<number>): ReportLag => {
  const sorted = [...days].sort((a, b) => a - b);
  return { sessions: sorted.length, medianDays: percentile(sorted, 0.5), p90Days: percentile(sorted, 0.9) };
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const inMonth = (date: string | null | undefined, month: string): boolean => date?.slice(0, 7) === month;

/** The community's program year the month falls in. */
const programYearOf = (years: ReadonlyArray<ProgramYearTimeline>, month: string): ProgramYearTimeline | undefined =>
  years.find((year) => year.startsOn.slice(0, 7) <= month && month <= year.endsOn.slice(0, 7));

const guideItems = (year: ProgramYearTimeline | undefined, month: string): ReportGuideItem[] => {
  if (year === undefined) return [];
  const guide = pipe(findGuide(year.guideId), O.toUndefined);
  return year.requirements.map((requirement) => {
    const rule = guide?.requirements.find((r) => r.id === requirement.requirementId);
    const metOn = requirement.metBy?.date ?? null;
    return {
      requirementId: requirement.requirementId,
      title: requirement.title,
      kind: requirement.kind,
      status: requirement.status,
      count: requirement.count,
      min: rule?.kind === 'count' ? rule.min : null,
      max: rule?.kind === 'count' ? (rule.max ?? null) : null,
      metOn,
      metInMonth: inMonth(metOn, month),
    };
  });
};

/**
 * The program report of a community for a month, from the views as `ReportViews` says. Providers belong to the community
 * their enrolment names, and to the coach the timeline gives them as of that moment.
 */
export const programReport = (views: ReportViews, communityId: string, month: string): ProgramReport => {
  const providers = views.timeline.providers.filter((p) => p.communityId === communityId);
  const coachOf = new Map(providers.map((p) => [p.providerId, p.coachId]));
  const monthOf = new Map(
    views.dosage.providers
      .filter((p) => coachOf.has(p.providerId))
      .flatMap((p) => p.months.filter((m) => m.month === month).map((m) => [p.providerId, m] as const)),
  );

  const community = views.timeline.communities.find((c) => c.communityId === communityId);
  const year = programYearOf(community?.programYears ?? [], month);
  const reflective = new Map(
    (year?.coaches ?? []).map((coach) => [
      coach.coachId,
      coach.requirements.find((r) => r.kind === 'monthly' && r.month === month)?.status ?? null,
    ]),
  );

  const coachIds = [
    ...new Set([...reflective.keys(), ...providers.flatMap((p) => (p.coachId === null ? [] : [p.coachId]))]),
  ].sort(byId);
  const sessions = views.lag.sessions.filter((s) => !s.voided && coachOf.has(s.providerId) && inMonth(s.heldOn, month));
  const agreements = views.cycles.agreements.filter((a) => coachOf.has(a.providerId));

  const coaches: ReportCoach[] = coachIds.map((coachId) => {
    const own = providers.filter((p) => p.coachId === coachId);
    const months = own.flatMap((p) => {
      const found = monthOf.get(p.providerId);
      return found === undefined ? [] : [found];
    });
    return {
      coachId,
      providers: months.length,
      minutes: months.reduce((sum, m) => sum + m.minutes, 0),
      underTarget: months.filter((m) => m.status !== 'met').length,
      overdueItems: own.reduce((sum, p) => sum + p.requirements.filter((r) => r.status === 'overdue').length, 0),
      lag: lagOf(sessions.filter((s) => s.coachId === coachId).map((s) => s.lagDays)),
      cyclesCompleted: agreements
        .filter((a) => a.coachId === coachId)
        .reduce((sum, a) => sum + a.cycles.filter((c) => inMonth(c.completedOn, month)).length, 0),
      reflectiveConsultation: reflective.get(coachId) ?? null,
    };
  });

  const statuses = [...monthOf.values()].map((m) => m.status);
  const reflectiveStatuses = [...reflective.values()].filter((status) => status !== null);
  return {
    communityId,
    month,
    asOf: views.dosage.asOf,
    on: views.timeline.on,
    dosage: {
      providers: statuses.length,
      meeting: statuses.filter((s) => s === 'met').length,
      partlyMeeting: statuses.filter((s) => s === 'partial').length,
      missing: statuses.filter((s) => s === 'none').length,
    },
    totals: {
      coaches: coaches.length,
      minutes: [...monthOf.values()].reduce((sum, m) => sum + m.minutes, 0),
      underTarget: statuses.filter((s) => s !== 'met').length,
      overdueItems: providers.reduce((sum, p) => sum + p.requirements.filter((r) => r.status === 'overdue').length, 0),
      lag: lagOf(sessions.map((s) => s.lagDays)),
      cyclesCompleted: agreements.reduce(
        (sum, a) => sum + a.cycles.filter((c) => inMonth(c.completedOn, month)).length,
        0,
      ),
    },
    coaches,
    guide: guideItems(year, month),
    reflectiveConsultation: {
      coaches: reflectiveStatuses.length,
      attended: reflectiveStatuses.filter((s) => s === 'done').length,
    },
  };
};
