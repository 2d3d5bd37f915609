import * as t from 'io-ts';
import { Id, Instant, LocalDate, Month, NonNegativeInteger, SiteSetting } from '@coachline/domain';
import { compareText } from '../ordering';
import { DosageStatus, DosageView, ProviderDosage } from '../dosage/dosage.view';
import { TimelineView } from '../timeline/timeline.view';
import { NextItem, nextItems } from './next-item';

/** The dosage of the month the list is about, as the dosage view figures it. */
export const MonthDosage = t.type(
  {
    month: Month,
    minutes: NonNegativeInteger,
    targetMinutes: t.union([NonNegativeInteger, t.null]),
    status: DosageStatus,
  },
  'MonthDosage',
);
export type MonthDosage = t.TypeOf<typeof MonthDosage>;

/** One provider of a caseload: who coaches them, where they work, this month's dosage and what comes next. */
export const CaseloadRow = t.type(
  {
    providerId: Id,
    coachId: t.union([Id, t.null]),
    communityId: Id,
    programYearId: Id,
    siteId: Id,
    setting: SiteSetting,
    enrolledOn: LocalDate,
    exitedOn: t.union([LocalDate, t.null]),
    /** Null when the dosage view lists no such month for the provider: they exited before it, or start after it. */
    thisMonth: t.union([MonthDosage, t.null]),
    next: t.union([NextItem, t.null]),
  },
  'CaseloadRow',
);
export type CaseloadRow = t.TypeOf<typeof CaseloadRow>;

/** The caseload list (`GET /providers`, `coachline caseload`): one row per enrolled provider, by coach then provider. */
export const CaseloadList = t.type({ asOf: Instant, on: LocalDate, providers: t.array(CaseloadRow) }, 'CaseloadList');
export type CaseloadList = t.TypeOf<typeof CaseloadList>;

export interface CaseloadFilter {
  readonly coachId?: string;
  readonly communityId?: string;
}

const monthOf = (date: string): string => date.slice(0, 7);

/** Program years by id, with the month each ends in: "this month" stops there, as the dosage rule has it. */
const yearEndMonths = (timeline: TimelineView): Map<string, string> =>
  new Map(
    timeline.communities.flatMap((community) =>
      community.programYears.map((year) => [year.programYearId, monthOf(year.endsOn)] as const),
    ),
  );

const monthDosage = (dosage: ProviderDosage | undefined, month: string): MonthDosage | null => {
  const figure = dosage?.months.find((m) => m.month === month);
  if (dosage === undefined || figure === undefined) return null;
  return { month, minutes: figure.minutes, targetMinutes: dosage.targetMinutes, status: figure.status };
};

/** By coach (providers with none last), then by provider. */
const byCoachThenProvider = (a: CaseloadRow, b: CaseloadRow): number => {
  if (a.coachId !== b.coachId) {
    if (a.coachId === null) return 1;
    if (b.coachId === null) return -1;
    return compareText(a.coachId, b.coachId);
  }
  return compareText(a.providerId, b.providerId);
};

/**
 * The caseload list from the dosage view and the timeline view rendered as of the same moment,
 * both whole (or for one community): the month figures are the dosage view's, the next item the
 * timeline's. The timeline must carry its communities, whose program years end "this month".
 */
export const caseloadList = (dosage: DosageView, timeline: TimelineView, filter: CaseloadFilter = {}): CaseloadList => {
  if (dosage.asOf !== timeline.asOf)
    throw new Error(`The caseload list needs its views as of one moment, not ${dosage.asOf} and ${timeline.asOf}.`);
  const asOfMonth = monthOf(timeline.asOf);
  const yearEnds = yearEndMonths(timeline);
  const dosageOf = new Map(dosage.providers.map((p) => [p.providerId, p] as const));
  const next = nextItems(timeline);
  const rows = timeline.providers
    .filter(
      (p) =>
        (filter.coachId === undefined || p.coachId === filter.coachId) &&
        (filter.communityId === undefined || p.communityId === filter.communityId),
    )
    .map((p): CaseloadRow => {
      const yearEnd = yearEnds.get(p.programYearId);
      const thisMonth = yearEnd !== undefined && yearEnd < asOfMonth ? yearEnd : asOfMonth;
      return {
        providerId: p.providerId,
        coachId: p.coachId,
        communityId: p.communityId,
        programYearId: p.programYearId,
        siteId: p.siteId,
        setting: p.setting,
        enrolledOn: p.enrolledOn,
        exitedOn: p.exitedOn,
        thisMonth: monthDosage(dosageOf.get(p.providerId), thisMonth),
        next: next.get(p.providerId) ?? null,
      };
    });
  return { asOf: timeline.asOf, on: timeline.on, providers: rows.sort(byCoachThenProvider) };
};
