import * as t from 'io-ts';
import {
  AgreementParty,
  Cadence,
  ConcernRaisedBy,
  ConcernRaisedWith,
  CycleNumber,
  EstimatedCycles,
  FiniteNumber,
  Id,
  Instant,
  LocalDate,
  NonNegativeInteger,
  oneOf,
  Table,
  VisitMode,
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

/**
 * A concern raised about the agreement: who raised it, whom they took it to, and whether it is
 * resolved. Its words stay out of the view, which the coachee reads too.
 */
export const AgreementConcern = t.type(
  {
    /** Null for a concern raised without an id, which no resolution can name. */
    concernId: t.union([Id, t.null]),
    raisedBy: ConcernRaisedBy,
    raisedWith: t.union([ConcernRaisedWith, t.null]),
    /** The day the concern was recorded. */
    raisedOn: LocalDate,
    resolved: t.boolean,
    resolvedOn: t.union([LocalDate, t.null]),
  },
  'AgreementConcern',
);
export type AgreementConcern = t.TypeOf<typeof AgreementConcern>;

/** Drafted until coach, supervisor and coachee have all signed; active from then until it ends. */
export const AgreementStage = oneOf('AgreementStage', 'drafted', 'active', 'ended');
export type AgreementStage = t.TypeOf<typeof AgreementStage>;

/** An active agreement's pace; `not-judged` when its cadence states no period. */
export const CyclePace = oneOf('CyclePace', 'on-cadence', 'behind', 'not-judged');
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
    /** As the agreement states it; a session's "hybrid" is this "combination". */
    visitMode: VisitMode,
    cadence: Cadence,
    /** Days a cycle may take by the cadence; null when the stated cadence gives no number of days. */
    cadenceDays: t.union([NonNegativeInteger, t.null]),
    estimatedCycles: EstimatedCycles,
    cyclesCompleted: NonNegativeInteger,
    cycles: t.array(CycleTiming),
    /** Days from the last cycle (or from activeSince, before the first) to the as-of date, while active. */
    daysSinceLastCycle: t.union([FiniteNumber, t.null]),
    /** Judged only while active: by a cadence in days, else `not-judged`; null when not active. */
    pace: t.union([CyclePace, t.null]),
    /** In the order they were raised. */
    concerns: t.array(AgreementConcern),
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
  drafted?: { providerId: string; coachId: string; visitMode: VisitMode; estimatedCycles: number; cadence: Cadence };
  /** One per party: the first signature recorded. */
  signatures: AgreementSignature[];
  cycles: Array<{ cycleNumber: number; completedOn: string }>;
  /** Keyed by the concern's id, or by the event's id for a concern raised without one. */
  concerns: Array<{
    key: string;
    concernId?: string;
    raisedBy: ConcernRaisedBy;
    raisedWith?: ConcernRaisedWith;
    raisedOn: string;
  }>;
  /** The first resolution recorded for each concern id. */
  resolutions: Array<{ concernId: string; resolvedOn: string }>;
  endedOn?: string;
}

export interface CyclesState {
  agreements: Table<AgreementLedger>;
}
