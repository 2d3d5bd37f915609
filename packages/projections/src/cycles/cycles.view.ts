import * as t from 'io-ts';
import {
  AgreementParty,
  Cadence,
  CycleNumber,
  EstimatedCycles,
  FiniteNumber,
  Id,
  Instant,
  LocalDate,
  NonNegativeInteger,
  oneOf,
  Table,
} from '@coachline/domain';

export const AgreementSignature = t.type(
  { party: AgreementParty, signedBy: Id, signedOn: LocalDate },
  'AgreementSignature',
);
export type AgreementSignature = t.TypeOf<typeof AgreementSignature>;

/** A completed cycle and the days since the one before it, judged against the cadence when the cadence is known. */
export const CycleTiming = t.type(
  {
    cycleNumber: CycleNumber,
    completedOn: LocalDate,
    daysSincePrevious: t.union([FiniteNumber, t.null]),
    onCadence: t.union([t.boolean, t.null]),
  },
  'CycleTiming',
);
export type CycleTiming = t.TypeOf<typeof CycleTiming>;

/** Drafted until coach, supervisor and coachee have all signed; active from then until it ends. */
export const AgreementStage = oneOf('AgreementStage', 'drafted', 'active', 'ended');
export type AgreementStage = t.TypeOf<typeof AgreementStage>;

export const CyclePace = oneOf('CyclePace', 'on-cadence', 'behind');
export type CyclePace = t.TypeOf<typeof CyclePace>;

export const AgreementCycles = t.type(
  {
    agreementId: Id,
    providerId: Id,
    coachId: Id,
    stage: AgreementStage,
    signatures: t.array(AgreementSignature),
    /** The day the last of the three parties signed. */
    activeSince: t.union([LocalDate, t.null]),
    endedOn: t.union([LocalDate, t.null]),
    cadence: Cadence,
    /** Days a cycle may take by the cadence; null when the stated cadence gives no number of days. */
    cadenceDays: t.union([NonNegativeInteger, t.null]),
    estimatedCycles: EstimatedCycles,
    cyclesCompleted: NonNegativeInteger,
    cycles: t.array(CycleTiming),
    /** Days from the last cycle (or from activeSince, before the first) to the as-of date, while active. */
    daysSinceLastCycle: t.union([FiniteNumber, t.null]),
    /** Judged only while active with a cadence in days; null otherwise. */
    pace: t.union([CyclePace, t.null]),
  },
  'AgreementCycles',
);
export type AgreementCycles = t.TypeOf<typeof AgreementCycles>;

/** The cycles view: per agreement, signatures and cycles against the cadence, and which agreements are behind. */
export const CyclesView = t.type(
  { asOf: Instant, on: LocalDate, agreements: t.array(AgreementCycles), behind: t.array(Id) },
  'CyclesView',
);
export type CyclesView = t.TypeOf<typeof CyclesView>;

/** What the fold keeps of one agreement; JSON so a runner can store it beside its checkpoint. */
export interface AgreementLedger {
  drafted?: { providerId: string; coachId: string; estimatedCycles: number; cadence: Cadence };
  /** One per party: the first signature recorded. */
  signatures: AgreementSignature[];
  cycles: Array<{ cycleNumber: number; completedOn: string }>;
  endedOn?: string;
}

export interface CyclesState {
  agreements: Table<AgreementLedger>;
}
