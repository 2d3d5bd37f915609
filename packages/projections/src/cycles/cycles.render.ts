import { AgreementParty, Cadence } from '@coachline/domain';
import { dayOf, daysBetween } from '../calendar';
import { compareText, sortedBy } from '../ordering';
import { ViewQuery, ViewTable } from '../projection';
import { AgreementCycles, AgreementLedger, CycleTiming, CyclesState, CyclesView } from './cycles.view';

/** STARS: "an optimal two-week cycle" (002). */
const TWO_WEEKS_DAYS = 14;

/** A cadence stated in words ("every three weeks") gives no number of days to judge by. */
const cadenceDaysOf = (cadence: Cadence): number | null => (cadence === 'every-two-weeks' ? TWO_WEEKS_DAYS : null);

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
    cadence: drafted.cadence === 'every-two-weeks' ? drafted.cadence : { other: drafted.cadence.other },
    cadenceDays,
    estimatedCycles: drafted.estimatedCycles,
    cyclesCompleted: cycles.length,
    cycles: timings,
    daysSinceLastCycle,
    pace: stage === 'active' && cadenceDays !== null ? (behind ? 'behind' : 'on-cadence') : null,
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

/** One row per agreement; signatures and the days between cycles joined with ";". */
export const cyclesTable = (view: CyclesView): ViewTable => ({
  header: [
    'agreementId',
    'providerId',
    'coachId',
    'stage',
    'signatures',
    'activeSince',
    'endedOn',
    'cadence',
    'cadenceDays',
    'estimatedCycles',
    'cyclesCompleted',
    'daysBetweenCycles',
    'daysSinceLastCycle',
    'pace',
  ],
  rows: view.agreements.map((a) => [
    a.agreementId,
    a.providerId,
    a.coachId,
    a.stage,
    a.signatures.map((s) => `${s.party}:${s.signedBy}:${s.signedOn}`).join(';'),
    a.activeSince,
    a.endedOn,
    cadenceText(a.cadence),
    a.cadenceDays,
    a.estimatedCycles,
    a.cyclesCompleted,
    a.cycles.flatMap((c) => (c.daysSincePrevious === null ? [] : [c.daysSincePrevious])).join(';'),
    a.daysSinceLastCycle,
    a.pace,
  ]),
});
