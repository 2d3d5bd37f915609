import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, IntegerBetween, LocalDate, Text, nonEmptyRecord, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** BOQ for center-based programs, FCCH BOQ for family child care homes. */
export const BoqForm = oneOf('BoqForm', 'BOQ', 'FCCH-BOQ');
export type BoqForm = t.TypeOf<typeof BoqForm>;

/** Each critical element's benchmark items: 0 not in place, 1 partially, 2 in place. */
export const BenchmarkRating = IntegerBetween(0, 2, 'BenchmarkRating');
/** A rating for each benchmark item, keyed by the item's id; a form with no rating is refused. */
export const BenchmarkRatings = nonEmptyRecord(Id, BenchmarkRating, 'BenchmarkRatings');

const requiredFields = {
  providerId: Id,
  boqId: Id,
  form: BoqForm,
  completedOn: LocalDate,
  ratings: BenchmarkRatings,
};

/** Version 1, before the form's version was recorded. */
export const BenchmarksOfQualityCompletedDataV1 = struct('BenchmarksOfQualityCompletedDataV1', requiredFields);
export type BenchmarksOfQualityCompletedDataV1 = t.TypeOf<typeof BenchmarksOfQualityCompletedDataV1>;

/** The data of the `BenchmarksOfQualityCompleted` event and of the `CompleteBenchmarksOfQuality` command. */
export const BenchmarksOfQualityCompletedData = struct('BenchmarksOfQualityCompletedData', {
  ...requiredFields,
  formVersion: Text,
});
/** `BenchmarksOfQualityCompletedData` as decoded. */
export type BenchmarksOfQualityCompletedData = t.TypeOf<typeof BenchmarksOfQualityCompletedData>;

/** What version 1 records say about the form's version: nothing was written down. */
export const UNRECORDED_FORM_VERSION = 'unrecorded';

/**
 * The coach and provider completed a Benchmarks of Quality form fitting the setting, each critical element rated
 * 0, 1 or 2 (rule 3). Lives in the `provider` stream named by its `providerId`.
 */
export const BenchmarksOfQualityCompleted = defineEvent({
  type: 'BenchmarksOfQualityCompleted',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'The coach and provider completed a Benchmarks of Quality form fitting the setting, each critical element rated 0, 1 or 2 (rule 3).',
  data: BenchmarksOfQualityCompletedData,
  history: [
    {
      // The instruments are revised, so ratings only compare within one form version.
      version: 1,
      data: BenchmarksOfQualityCompletedDataV1,
      upcast: (old) => ({ ...(old as BenchmarksOfQualityCompletedDataV1), formVersion: UNRECORDED_FORM_VERSION }),
    },
  ],
});

/**
 * Record a completed BOQ (centers) or FCCH BOQ (homes) with the form version used and its ratings. Accepted, it
 * records `BenchmarksOfQualityCompleted`.
 */
export const CompleteBenchmarksOfQuality = defineCommand({
  type: 'CompleteBenchmarksOfQuality',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Record a completed BOQ (centers) or FCCH BOQ (homes) with the form version used and its ratings.',
  data: BenchmarksOfQualityCompletedData,
  produces: ['BenchmarksOfQualityCompleted'],
});
