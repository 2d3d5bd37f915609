import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, Text } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `AgreementEnded` event and of the `EndAgreement` command. */
export const AgreementEndedData = struct('AgreementEndedData', { agreementId: Id, on: LocalDate, reason: Text });
/** `AgreementEndedData` as decoded. */
export type AgreementEndedData = t.TypeOf<typeof AgreementEndedData>;

/**
 * The coaching agreement ended; nothing more is recorded on it. Lives in the `agreement` stream named by its
 * `agreementId`.
 */
export const AgreementEnded = defineEvent({
  type: 'AgreementEnded',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'The coaching agreement ended; nothing more is recorded on it.',
  data: AgreementEndedData,
});

/** End an agreement, once, giving the reason. Accepted, it records `AgreementEnded`. */
export const EndAgreement = defineCommand({
  type: 'EndAgreement',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'End an agreement, once, giving the reason.',
  data: AgreementEndedData,
  produces: ['AgreementEnded'],
});
