import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, LocalDate, Text } from '../shared/primitives';
import { struct } from '../shared/struct';

export const AgreementEndedData = struct('AgreementEndedData', { agreementId: Id, on: LocalDate, reason: Text });
export type AgreementEndedData = t.TypeOf<typeof AgreementEndedData>;

export const AgreementEnded = defineEvent({
  type: 'AgreementEnded',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'The coaching agreement ended; nothing more is recorded on it.',
  data: AgreementEndedData,
});

export const EndAgreement = defineCommand({
  type: 'EndAgreement',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'End an agreement, once, giving the reason.',
  data: AgreementEndedData,
  produces: ['AgreementEnded'],
});
