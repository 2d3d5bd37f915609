import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The three parties whose signatures make an agreement active (`002`). */
export const AgreementParty = oneOf('AgreementParty', 'coach', 'supervisor', 'coachee');
export type AgreementParty = t.TypeOf<typeof AgreementParty>;

/** The data of the `AgreementSigned` event and of the `SignAgreement` command. */
export const AgreementSignedData = struct('AgreementSignedData', {
  agreementId: Id,
  party: AgreementParty,
  signedBy: Id,
  signedOn: LocalDate,
});
/** `AgreementSignedData` as decoded. */
export type AgreementSignedData = t.TypeOf<typeof AgreementSignedData>;

/**
 * One party signed the coaching agreement; the last of the three signatures makes it active (rule 9). Lives in the
 * `agreement` stream named by its `agreementId`.
 */
export const AgreementSigned = defineEvent({
  type: 'AgreementSigned',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'One party signed the coaching agreement; the last of the three signatures makes it active (rule 9).',
  data: AgreementSignedData,
});

/** Sign a drafted agreement that has not ended, once per party. Accepted, it records `AgreementSigned`. */
export const SignAgreement = defineCommand({
  type: 'SignAgreement',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'Sign a drafted agreement that has not ended, once per party.',
  data: AgreementSignedData,
  produces: ['AgreementSigned'],
});
