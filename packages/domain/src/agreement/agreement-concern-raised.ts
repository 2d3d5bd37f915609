import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Text, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** Which side of the agreement raised a concern: either may. */
export const ConcernRaisedBy = oneOf('ConcernRaisedBy', 'coach', 'coachee');
/** `ConcernRaisedBy` as decoded. */
export type ConcernRaisedBy = t.TypeOf<typeof ConcernRaisedBy>;

/** The data of the `AgreementConcernRaised` event and of the `RaiseAgreementConcern` command. */
export const AgreementConcernRaisedData = struct('AgreementConcernRaisedData', {
  agreementId: Id,
  raisedBy: ConcernRaisedBy,
  summary: Text,
});
/** `AgreementConcernRaisedData` as decoded. */
export type AgreementConcernRaisedData = t.TypeOf<typeof AgreementConcernRaisedData>;

/**
 * The coach or the coachee raised a concern that the other is not meeting the agreement’s obligations (`002`).
 * Lives in the `agreement` stream named by its `agreementId`.
 */
export const AgreementConcernRaised = defineEvent({
  type: 'AgreementConcernRaised',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description:
    'The coach or the coachee raised a concern that the other is not meeting the agreement’s obligations (`002`).',
  data: AgreementConcernRaisedData,
});

/** Raise a concern about an agreement that has not ended. Accepted, it records `AgreementConcernRaised`. */
export const RaiseAgreementConcern = defineCommand({
  type: 'RaiseAgreementConcern',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'Raise a concern about an agreement that has not ended.',
  data: AgreementConcernRaisedData,
  produces: ['AgreementConcernRaised'],
});
