import * as t from 'io-ts';
import {
  AsqSe2AgeInterval,
  AsqSe2Zone,
  BoqForm,
  FiniteNumber,
  Id,
  Instant,
  LocalDate,
  NonNegativeInteger,
  ObservationInstrument,
  Table,
  Text,
} from '@coachline/domain';

/** What an erased child's reference reads as: the key is gone, only the fact of the screening stays (rule 11). */
export const ERASED_CHILD_REF = 'erased';

export const ConsentRecord = t.type(
  {
    providerId: Id,
    consentId: Id,
    instrument: ObservationInstrument,
    signedOn: LocalDate,
    withdrawnOn: t.union([LocalDate, t.null]),
    current: t.boolean,
  },
  'ConsentRecord',
);
export type ConsentRecord = t.TypeOf<typeof ConsentRecord>;

export const ConsentsByInstrument = t.type(
  {
    instrument: ObservationInstrument,
    uploaded: NonNegativeInteger,
    withdrawn: NonNegativeInteger,
    current: NonNegativeInteger,
  },
  'ConsentsByInstrument',
);

/**
 * Evaluators see observation scores (rule 5: scores reach coaches and evaluators, never providers), except those
 * dated on or after the withdrawal of the provider's consent: `scoresWithdrawn` is true and `scores` null, while the
 * events keep them. `consentWithdrawnOn` names the withdrawal, also on observations made while the consent held.
 */
export const ObservationRecord = t.type(
  {
    providerId: Id,
    observationId: Id,
    instrument: t.union([ObservationInstrument, t.null]),
    scheduledFor: t.union([LocalDate, t.null]),
    observerId: t.union([Id, t.null]),
    observedOn: t.union([LocalDate, t.null]),
    scores: t.union([t.record(Id, FiniteNumber), t.null]),
    consentWithdrawnOn: t.union([LocalDate, t.null]),
    scoresWithdrawn: t.boolean,
  },
  'ObservationRecord',
);
export type ObservationRecord = t.TypeOf<typeof ObservationRecord>;

export const BenchmarksRecord = t.type(
  {
    providerId: Id,
    boqId: Id,
    form: BoqForm,
    formVersion: Text,
    completedOn: LocalDate,
    /** The sum of the critical elements' ratings, out of `possible` (2 per element). */
    total: NonNegativeInteger,
    possible: NonNegativeInteger,
    ratings: t.record(Id, NonNegativeInteger),
  },
  'BenchmarksRecord',
);
export type BenchmarksRecord = t.TypeOf<typeof BenchmarksRecord>;

/** A follow-up's action is about the child, so it is gone once the child's data is erased. */
export const FollowUpRecord = t.type({ on: LocalDate, action: t.union([Text, t.null]) }, 'FollowUpRecord');

/** A screening names its child by pseudonymous reference only, never by name (rule 11). */
export const ScreeningRecord = t.type(
  {
    screeningId: Id,
    providerId: Id,
    childRef: Id,
    ageIntervalMonths: t.union([AsqSe2AgeInterval, t.null]),
    distributedOn: LocalDate,
    scoredOn: t.union([LocalDate, t.null]),
    score: t.union([NonNegativeInteger, t.null]),
    zone: t.union([AsqSe2Zone, t.null]),
    followUps: t.array(FollowUpRecord),
  },
  'ScreeningRecord',
);
export type ScreeningRecord = t.TypeOf<typeof ScreeningRecord>;

export const ScreeningsByZone = t.type(
  { 'below-cutoff': NonNegativeInteger, monitoring: NonNegativeInteger, 'above-cutoff': NonNegativeInteger },
  'ScreeningsByZone',
);

export const ScreeningSummary = t.type(
  {
    distributed: NonNegativeInteger,
    scored: NonNegativeInteger,
    /** Zones of screenings whose child data is still readable. */
    byZone: ScreeningsByZone,
    followUps: NonNegativeInteger,
    erased: NonNegativeInteger,
  },
  'ScreeningSummary',
);
export type ScreeningSummary = t.TypeOf<typeof ScreeningSummary>;

export const CommunityEvaluation = t.type(
  {
    communityId: Id,
    consents: t.type({ byInstrument: t.array(ConsentsByInstrument), records: t.array(ConsentRecord) }),
    observations: t.type({
      scheduled: NonNegativeInteger,
      completed: NonNegativeInteger,
      records: t.array(ObservationRecord),
    }),
    benchmarks: t.array(BenchmarksRecord),
    screenings: t.type({ summary: ScreeningSummary, records: t.array(ScreeningRecord) }),
  },
  'CommunityEvaluation',
);
export type CommunityEvaluation = t.TypeOf<typeof CommunityEvaluation>;

/** The evaluation partner's view, per community; providers are named by id only. */
export const EvaluationView = t.type({ asOf: Instant, communities: t.array(CommunityEvaluation) }, 'EvaluationView');
export type EvaluationView = t.TypeOf<typeof EvaluationView>;

export interface ConsentEntry {
  instrument?: ObservationInstrument;
  signedOn?: string;
  withdrawnOn?: string;
}

export interface ObservationEntry {
  instrument?: ObservationInstrument;
  scheduledFor?: string;
  observerId?: string;
  observedOn?: string;
  scores?: Table<number>;
}

export interface BenchmarksEntry {
  form: BoqForm;
  formVersion: string;
  completedOn: string;
  ratings: Table<number>;
}

export interface ProviderEvaluationLedger {
  communityId?: string;
  consents: Table<ConsentEntry>;
  observations: Table<ObservationEntry>;
  benchmarks: Table<BenchmarksEntry>;
}

/** A screening; once erased, nothing it said about the child is kept, only its dates. */
export interface ScreeningEntry {
  providerId?: string;
  childRef?: string;
  ageIntervalMonths?: AsqSe2AgeInterval;
  distributedOn?: string;
  scoredOn?: string;
  score?: number;
  zone?: AsqSe2Zone;
  followUps: Array<{ on: string; action?: string }>;
  erased?: true;
}

/** What the fold keeps; JSON with tables keyed by id, so a runner can store it beside its checkpoint. */
export interface EvaluationState {
  communities: Table<true>;
  providers: Table<ProviderEvaluationLedger>;
  screenings: Table<ScreeningEntry>;
}
