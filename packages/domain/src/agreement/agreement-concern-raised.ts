import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, Text, oneOf } from '../shared/primitives';
import { struct } from '../shared/struct';

export const ConcernRaisedBy = oneOf('ConcernRaisedBy', 'coach', 'coachee');
export type ConcernRaisedBy = t.TypeOf<typeof ConcernRaisedBy>;

export const AgreementConcernRaisedData = struct('AgreementConcernRaisedData', {
  agreementId: Id,
  raisedBy: ConcernRaisedBy,
  summary: Text,
});
export type AgreementConcernRaisedData = t.TypeOf<typeof AgreementConcernRaisedData>;

export const AgreementConcernRaised = defineEvent({
  type: 'AgreementConcernRaised',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description:
    'The coach or the coachee raised a concern that the other is not meeting the agreement’s obligations (`002`).',
  data: AgreementConcernRaisedData,
});

export const RaiseAgreementConcern = defineCommand({
  type: 'RaiseAgreementConcern',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'Raise a concern about an agreement that has not ended.',
  data: AgreementConcernRaisedData,
  produces: ['AgreementConcernRaised'],
});
