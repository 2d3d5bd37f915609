import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { FiniteNumber, Id, LocalDate, nonEmptyRecord } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** Named scores, e.g. TPOT's `keyPracticesPercent` and `redFlags`. Confidential: never shown to providers (rule 5). */
export const ObservationScores = nonEmptyRecord(Id, FiniteNumber, 'ObservationScores');
export type ObservationScores = t.TypeOf<typeof ObservationScores>;

/** The data of the `ObservationCompleted` event and of the `CompleteObservation` command. */
export const ObservationCompletedData = struct('ObservationCompletedData', {
  providerId: Id,
  observationId: Id,
  observedOn: LocalDate,
  scores: ObservationScores,
});
/** `ObservationCompletedData` as decoded. */
export type ObservationCompletedData = t.TypeOf<typeof ObservationCompletedData>;

/**
 * A scheduled observation took place and was scored; the scores reach coaches and evaluators only (rule 5). Lives
 * in the `provider` stream named by its `providerId`.
 */
export const ObservationCompleted = defineEvent({
  type: 'ObservationCompleted',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'A scheduled observation took place and was scored; the scores reach coaches and evaluators only (rule 5).',
  data: ObservationCompletedData,
});

/**
 * Record the scores of a scheduled observation, while the consent for it is still current. Accepted, it records
 * `ObservationCompleted`.
 */
export const CompleteObservation = defineCommand({
  type: 'CompleteObservation',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Record the scores of a scheduled observation, while the consent for it is still current.',
  data: ObservationCompletedData,
  produces: ['ObservationCompleted'],
});
