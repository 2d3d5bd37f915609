import * as t from 'io-ts';
import {
  AsqSe2AgeInterval,
  AsqSe2Zone,
  BoqForm,
  FiniteNumber,
  Id,
  Instant,
  LocalDate,
  Month,
  NonNegativeInteger,
  ObservationInstrument,
  oneOf,
} from '@coachline/domain';
import { DosageStatus } from '../dosage/dosage.view';

/** Cells covering fewer providers than this are suppressed: the usual small-cell rule of education and health statistics. */
export const SMALL_CELL_THRESHOLD = 5;

/** What a pseudonym stands for; the prefix of every pseudonym names it. */
export const PseudonymKind = oneOf('PseudonymKind', 'provider', 'coach', 'child');
export type PseudonymKind = t.TypeOf<typeof PseudonymKind>;

/**
 * Turns an id into its pseudonym. The extract never sees how: a keyed hash lives at the edge, so
 * that the same program gives the same pseudonyms and nobody without the key can reverse them.
 */
export type Pseudonymize = (kind: PseudonymKind, id: string) => string;

/** What a screening's child reads as once the child's data is erased (rule 11). */
export const ERASED_CHILD = 'erased';

export const ExtractManifest = t.type(
  {
    record: t.literal('manifest'),
    extract: t.literal('evaluation'),
    asOf: Instant,
    suppressionThreshold: NonNegativeInteger,
    suppression: t.string,
  },
  'ExtractManifest',
);
export type ExtractManifest = t.TypeOf<typeof ExtractManifest>;

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

export const ExtractProgramYear = t.type({ startsOn: LocalDate, endsOn: LocalDate }, 'ExtractProgramYear');
export type ExtractProgramYear = t.TypeOf<typeof ExtractProgramYear>;

/**
 * One provider under pseudonym: what the evaluator evaluates (dosage, observations and their
 * scores, debriefs held, cycles completed, consents, BOQs) with dates, and no name or free text.
 * `community` and `programYear` are null when the group they name is a small cell.
 */
export const ExtractProviderRow = t.type(
  {
    record: t.literal('provider'),
    provider: t.string,
    coach: nullable(t.string),
    community: nullable(Id),
    programYear: nullable(ExtractProgramYear),
    enrolledOn: nullable(LocalDate),
    exitedOn: nullable(LocalDate),
    yearTwoOn: nullable(LocalDate),
    dosage: t.type({
      targetMinutes: nullable(NonNegativeInteger),
      yearToDateMinutes: NonNegativeInteger,
      months: t.array(t.type({ month: Month, minutes: NonNegativeInteger, status: DosageStatus })),
    }),
    observations: t.type({ scheduled: NonNegativeInteger, completed: NonNegativeInteger }),
    debriefs: NonNegativeInteger,
    agreements: NonNegativeInteger,
    cyclesCompleted: NonNegativeInteger,
    consents: t.array(
      t.type({ instrument: ObservationInstrument, signedOn: LocalDate, withdrawnOn: nullable(LocalDate) }),
    ),
    scores: t.array(
      t.type({
        instrument: nullable(ObservationInstrument),
        observedOn: LocalDate,
        scores: t.record(Id, FiniteNumber),
      }),
    ),
    benchmarks: t.array(
      t.type({
        form: BoqForm,
        completedOn: LocalDate,
        total: NonNegativeInteger,
        possible: NonNegativeInteger,
        ratings: t.record(Id, NonNegativeInteger),
      }),
    ),
  },
  'ExtractProviderRow',
);
export type ExtractProviderRow = t.TypeOf<typeof ExtractProviderRow>;

/** One ASQ-SE2 screening: the child under pseudonym (or "erased"), its zone and dates; the follow-ups' actions are dropped. */
export const ExtractScreeningRow = t.type(
  {
    record: t.literal('screening'),
    child: t.string,
    provider: t.string,
    ageIntervalMonths: nullable(AsqSe2AgeInterval),
    distributedOn: LocalDate,
    scoredOn: nullable(LocalDate),
    zone: nullable(AsqSe2Zone),
    followUpsOn: t.array(LocalDate),
  },
  'ExtractScreeningRow',
);
export type ExtractScreeningRow = t.TypeOf<typeof ExtractScreeningRow>;

export const AggregateBreakdown = oneOf('AggregateBreakdown', 'all', 'community', 'cohort');
export type AggregateBreakdown = t.TypeOf<typeof AggregateBreakdown>;

/** One count of one group; `value` is null and `suppressed` true when the group is a small cell. */
export const ExtractAggregateRow = t.type(
  {
    record: t.literal('aggregate'),
    by: AggregateBreakdown,
    group: nullable(t.string),
    measure: t.string,
    value: nullable(NonNegativeInteger),
    suppressed: t.boolean,
  },
  'ExtractAggregateRow',
);
export type ExtractAggregateRow = t.TypeOf<typeof ExtractAggregateRow>;

export const EvaluationExtract = t.type(
  {
    manifest: ExtractManifest,
    providers: t.array(ExtractProviderRow),
    screenings: t.array(ExtractScreeningRow),
    aggregates: t.array(ExtractAggregateRow),
  },
  'EvaluationExtract',
);
export type EvaluationExtract = t.TypeOf<typeof EvaluationExtract>;

export type ExtractLine = ExtractManifest | ExtractProviderRow | ExtractScreeningRow | ExtractAggregateRow;

/** The extract as lines, manifest first: what a JSON Lines file holds. */
export const extractLines = (extract: EvaluationExtract): ExtractLine[] => [
  extract.manifest,
  ...extract.providers,
  ...extract.screenings,
  ...extract.aggregates,
];
