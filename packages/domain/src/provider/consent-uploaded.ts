import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { DocumentRef, Id, LocalDate, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** TPOT observes preschool classrooms, TPITOS infant–toddler classrooms; neither applies to FCCH. */
export const ObservationInstrument = oneOf('ObservationInstrument', 'TPOT', 'TPITOS');
export type ObservationInstrument = t.TypeOf<typeof ObservationInstrument>;

/** The data of the `ConsentUploaded` event and of the `UploadConsent` command. */
export const ConsentUploadedData = struct('ConsentUploadedData', {
  providerId: Id,
  consentId: Id,
  instrument: ObservationInstrument,
  signedOn: LocalDate,
  document: DocumentRef,
});
/** `ConsentUploadedData` as decoded. */
export type ConsentUploadedData = t.TypeOf<typeof ConsentUploadedData>;

/**
 * A center-based provider’s signed evaluation consent for an observation instrument was uploaded (rules 3 and 4).
 * Lives in the `provider` stream named by its `providerId`.
 */
export const ConsentUploaded = defineEvent({
  type: 'ConsentUploaded',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'A center-based provider’s signed evaluation consent for an observation instrument was uploaded (rules 3 and 4).',
  data: ConsentUploadedData,
});

/**
 * Upload a center-based provider’s signed evaluation consent for the instrument that fits their classroom.
 * Accepted, it records `ConsentUploaded`.
 */
export const UploadConsent = defineCommand({
  type: 'UploadConsent',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'Upload a center-based provider’s signed evaluation consent for the instrument that fits their classroom.',
  data: ConsentUploadedData,
  produces: ['ConsentUploaded'],
});
