import * as O from 'fp-ts/Option';
import { pipe } from 'fp-ts/function';
import { findGuide, minutesByMonth, ProgramGuide } from '@coachline/domain';
import { ViewQuery } from '../projection';
import { CoachDosage, DosageMonth, DosageState, DosageStatus, ProviderDosage, ProviderLedger } from './dosage.view';

const DEFAULT_GUIDE_ID = 'rir-year-1';

const monthOf = (date: string): string => date.slice(0, 7);

const nextMonth = (month: string): string => {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

/** Without a known program year, a provider's year ends the June 30 after enrollment (RiR's July–June year). */
const fallbackYearEnd = (enrolledOn: string): string => {
  const year = Number(enrolledOn.slice(0, 4));
  return Number(enrolledOn.slice(5, 7)) >= 7 ? `${year + 1}-06-30` : `${year}-06-30`;
};

const guideOf = (guideId: string | undefined): ProgramGuide | undefined =>
  pipe(findGuide(guideId ?? DEFAULT_GUIDE_ID), O.toUndefined);

const statusOf = (minutes: number, target: number | null): DosageStatus => {
  if (minutes === 0) return 'none';
  return target === null || minutes >= target ? 'met' : 'partial';
};

interface ProviderFigures {
  readonly dosage: ProviderDosage;
  /** The month "this month" means for this provider: the as-of month capped to their year's end. */
  readonly thisMonth: string;
}

const figuresOf = (
  state: DosageState,
  providerId: string,
  ledger: ProviderLedger,
  asOfMonth: string,
): ProviderFigures => {
  const year = state.programYears[ledger.programYearId];
  const guide = guideOf(year?.guideId);
  const target = guide?.dosage?.targetMinutesPerMonth ?? null;
  const yearEndMonth = monthOf(year?.endsOn ?? fallbackYearEnd(ledger.enrolledOn));
  const lastMonth =
    ledger.exitedOn && monthOf(ledger.exitedOn) < yearEndMonth ? monthOf(ledger.exitedOn) : yearEndMonth;

  const minutes = minutesByMonth(ledger.sessions, guide?.dosage?.countedKinds ?? []);

  const months: DosageMonth[] = [];
  // Only months that have begun by the as-of moment are listed.
  for (let month = monthOf(ledger.enrolledOn); month <= lastMonth && month <= asOfMonth; month = nextMonth(month)) {
    const counted = minutes.get(month) ?? 0;
    months.push({ month, minutes: counted, status: statusOf(counted, target) });
  }
  return {
    dosage: {
      providerId,
      coachId: ledger.coachId,
      targetMinutes: target,
      months,
      yearToDateMinutes: months.reduce((sum, m) => sum + m.minutes, 0),
    },
    thisMonth: asOfMonth < yearEndMonth ? asOfMonth : yearEndMonth,
  };
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The providers whose figures a rendering needs: all of them, or, for one provider asked for
 * alone, that provider and the caseload of their coach, whose summary comes with them. A
 * provider's figures cost a pass over their sessions, so one provider's dosage is not paid for
 * with everyone's.
 */
const providersToFigure = (state: DosageState, providerId: string | undefined): string[] => {
  if (providerId === undefined) return Object.keys(state.providers);
  const selected = state.providers[providerId];
  if (selected === undefined) return [];
  return Object.keys(state.providers).filter(
    (id) => id === providerId || (state.providers[id]!.coachId === selected.coachId && !state.providers[id]!.exitedOn),
  );
};

/**
 * Renders the dosage view as of `query.asOf`; the state holds only events recorded by then. With
 * `query.providerId`, the view holds that provider and their coach's figures alone.
 */
export const renderDosage = (state: DosageState, query: ViewQuery) => {
  const asOfMonth = query.asOf.slice(0, 7);
  const figures = providersToFigure(state, query.providerId)
    .sort(byId)
    .map((providerId) => figuresOf(state, providerId, state.providers[providerId]!, asOfMonth));

  const caseloads = new Map<string, ProviderFigures[]>();
  for (const f of figures) {
    if (state.providers[f.dosage.providerId]!.exitedOn) continue;
    const caseload = caseloads.get(f.dosage.coachId) ?? [];
    caseload.push(f);
    caseloads.set(f.dosage.coachId, caseload);
  }
  const selectedCoachId = query.providerId === undefined ? undefined : state.providers[query.providerId]?.coachId;
  const coachIds =
    query.providerId === undefined
      ? Object.keys(state.coaches)
      : selectedCoachId !== undefined && state.coaches[selectedCoachId]
        ? [selectedCoachId]
        : [];
  const coaches: CoachDosage[] = coachIds.sort(byId).map((coachId) => {
    const caseload = caseloads.get(coachId) ?? [];
    const underTargetThisMonth = caseload
      .filter((f) => {
        const thisMonth = f.dosage.months.find((m) => m.month === f.thisMonth);
        return thisMonth !== undefined && thisMonth.status !== 'met';
      })
      .map((f) => f.dosage.providerId);
    return { coachId, caseload: caseload.length, underTargetThisMonth };
  });

  return {
    asOf: query.asOf,
    guideId: state.latestGuideId ?? DEFAULT_GUIDE_ID,
    providers: figures
      .map((f) => f.dosage)
      .filter((p) => query.providerId === undefined || p.providerId === query.providerId),
    coaches,
  };
};
