import { AgreementParty, Cadence, cadencePeriodDays } from '@coachline/domain';
import { dayOf, daysBetween } from '../calendar';
import { compareText, sortedBy } from '../ordering';
import { ViewQuery, ViewTable } from '../projection';
import {
  AgreementConcern,
  AgreementCycles,
  AgreementLedger,
  CycleTiming,
  CyclesState,
  CyclesView,
} from './cycles.view';

/**
 * Every two weeks, or the period another stated cadence names ("every three weeks", "monthly");
 * null when its words state none, and then the pace is not judged.
 */
const cadenceDaysOf = (cadence: Cadence): number | null => cadencePeriodDays(cadence) ?? null;

/** Concerns in the order they were raised, each resolved by the first resolution naming its id. */
const concernsOf = (ledger: AgreementLedger): AgreementConcern[] =>
  sortedBy(
    ledger.concerns,
    (c) => c.raisedOn,
    (c) => c.key,
  ).map((c) => {
    const resolvedOn =
      c.concernId === undefined
        ? null
        : (ledger.resolutions.find((r) => r.concernId === c.concernId)?.resolvedOn ?? null);
    return {
      concernId: c.concernId ?? null,
      raisedBy: c.raisedBy,
      raisedWith: c.raisedWith ?? null,
      raisedOn: c.raisedOn,
      resolved: resolvedOn !== null,
      resolvedOn,
    };
  });

const paceOf = (active: boolean, cadenceDays: number | null, behind: boolean): AgreementCycles['pace'] => {
  if (!active) return null;
  if (cadenceDays === null) return 'not-judged';
  return behind ? 'behind' : 'on-cadence';
};

/** The day the last of the three parties signed; null until all three have. */
const activeSinceOf = (ledger: AgreementLedger): string | null => {
  const signedOn = AgreementParty.values.map((party) => ledger.signatures.find((s) => s.party === party)?.signedOn);
  if (signedOn.some((day) => day === undefined)) return null;
  return (signedOn as string[]).sort(compareText).at(-1)!;
};

/** Each cycle once (the first record of its number), in cycle order. */
const cyclesOf = (ledger: AgreementLedger) => {
  const byNumber = new Map<number, { cycleNumber: number; completedOn: string }>();
  for (const c of ledger.cycles) if (!byNumber.has(c.cycleNumber)) byNumber.set(c.cycleNumber, c);
  return sortedBy(byNumber.values(), (c) => c.cycleNumber);
};

const agreementCycles = (
  agreementId: string,
  ledger: AgreementLedger,
  drafted: NonNullable<AgreementLedger['drafted']>,
  on: string,
): AgreementCycles => {
  const cadenceDays = cadenceDaysOf(drafted.cadence);
  const activeSince = activeSinceOf(ledger);
  const stage = ledger.endedOn !== undefined ? 'ended' : activeSince !== null ? 'active' : 'drafted';
  const cycles = cyclesOf(ledger);
  const timings: CycleTiming[] = cycles.map((cycle, i) => {
    const previous = cycles[i - 1];
    const daysSincePrevious = previous ? daysBetween(previous.completedOn, cycle.completedOn) : null;
    return {
      cycleNumber: cycle.cycleNumber,
      completedOn: cycle.completedOn,
      daysSincePrevious,
      onCadence: daysSincePrevious === null || cadenceDays === null ? null : daysSincePrevious <= cadenceDays,
    };
  });
  const lastCycleOn = cycles.at(-1)?.completedOn;
  const daysSinceLastCycle = stage === 'active' ? daysBetween(lastCycleOn ?? activeSince!, on) : null;
  const behind =
    daysSinceLastCycle !== null &&
    cadenceDays !== null &&
    cycles.length < drafted.estimatedCycles &&
    daysSinceLastCycle > cadenceDays;
  return {
    agreementId,
    providerId: drafted.providerId,
    coachId: drafted.coachId,
    stage,
    signatures: sortedBy(
      ledger.signatures,
      (s) => s.signedOn,
      (s) => AgreementParty.values.indexOf(s.party),
    ).map((s) => ({
      party: s.party,
      signedBy: s.signedBy,
      signedOn: s.signedOn,
    })),
    activeSince,
    endedOn: ledger.endedOn ?? null,
    visitMode: drafted.visitMode,
    cadence: drafted.cadence === 'every-two-weeks' ? drafted.cadence : { other: drafted.cadence.other },
    cadenceDays,
    estimatedCycles: drafted.estimatedCycles,
    cyclesCompleted: cycles.length,
    cycles: timings,
    daysSinceLastCycle,
    pace: paceOf(stage === 'active', cadenceDays, behind),
    concerns: concernsOf(ledger),
  };
};

/**
 * Renders every drafted agreement as of `query.asOf`, measuring the time since the last cycle
 * on that moment's date. An agreement is behind when it is active, has not reached its
 * estimated cycles, and more days than the cadence allows have passed since its last cycle
 * (or since it became active).
 */
export const renderCycles = (state: CyclesState, query: ViewQuery): CyclesView => {
  const on = dayOf(query.asOf);
  const agreements = Object.keys(state.agreements)
    .sort(compareText)
    .flatMap((agreementId) => {
      const ledger = state.agreements[agreementId]!;
      // One provider's agreements are measured alone, not picked out of everyone's.
      return ledger.drafted && (query.providerId === undefined || ledger.drafted.providerId === query.providerId)
        ? [agreementCycles(agreementId, ledger, ledger.drafted, on)]
        : [];
    });
  return {
    asOf: query.asOf,
    on,
    agreements,
    behind: agreements.filter((a) => a.pace === 'behind').map((a) => a.agreementId),
  };
};

const cadenceText = (cadence: Cadence): string => (cadence === 'every-two-weeks' ? cadence : cadence.other);

const concernText = (c: AgreementConcern): string =>
  `${c.raisedBy}>${c.raisedWith ?? '?'}:${c.raisedOn}:${c.resolvedOn === null ? 'open' : `resolved ${c.resolvedOn}`}`;

/**
 * One row per agreement; signatures, the days between cycles and the concerns (who raised it >
 * whom they took it to : the day : open or resolved) joined with ";".
 */
export const cyclesTable = (view: CyclesView): ViewTable => ({
  header: [
    'agreementId',
    'providerId',
    'coachId',
    'stage',
    'signatures',
    'activeSince',
    'endedOn',
    'visitMode',
    'cadence',
    'cadenceDays',
    'estimatedCycles',
    'cyclesCompleted',
    'daysBetweenCycles',
    'daysSinceLastCycle',
    'pace',
    'openConcerns',
    'concerns',
  ],
  rows: view.agreements.map((a) => [
    a.agreementId,
    a.providerId,
    a.coachId,
    a.stage,
    a.signatures.map((s) => `${s.party}:${s.signedBy}:${s.signedOn}`).join(';'),
    a.activeSince,
    a.endedOn,
    a.visitMode,
    cadenceText(a.cadence),
    a.cadenceDays,
    a.estimatedCycles,
    a.cyclesCompleted,
    a.cycles.flatMap((c) => (c.daysSincePrevious === null ? [] : [c.daysSincePrevious])).join(';'),
    a.daysSinceLastCycle,
    a.pace,
    a.concerns.filter((c) => !c.resolved).length,
    a.concerns.map(concernText).join(';'),
  ]),
});
