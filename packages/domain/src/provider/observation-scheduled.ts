import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';
import { ObservationInstrument } from './consent-uploaded';

/** The data of the `ObservationScheduled` event and of the `ScheduleObservation` command. */
export const ObservationScheduledData = struct('ObservationScheduledData', {
  providerId: Id,
  observationId: Id,
  instrument: ObservationInstrument,
  scheduledFor: LocalDate,
  /** Observers are often outside staff, so the id need not name anyone registered. */
  observerId: Id,
});
/** `ObservationScheduledData` as decoded. */
export type ObservationScheduledData = t.TypeOf<typeof ObservationScheduledData>;

/**
 * A TPOT or TPITOS observation of a center-based provider was scheduled with an observer, under a current consent
 * (rule 4). Lives in the `provider` stream named by its `providerId`.
 */
export const ObservationScheduled = defineEvent({
  type: 'ObservationScheduled',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'A TPOT or TPITOS observation of a center-based provider was scheduled with an observer, under a current consent (rule 4).',
  data: ObservationScheduledData,
});

/**
 * Schedule an observation with the instrument that fits the classroom, once the provider’s consent for it is
 * current. Accepted, it records `ObservationScheduled`.
 */
export const ScheduleObservation = defineCommand({
  type: 'ScheduleObservation',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'Schedule an observation with the instrument that fits the classroom, once the provider’s consent for it is current.',
  data: ObservationScheduledData,
  produces: ['ObservationScheduled'],
});
