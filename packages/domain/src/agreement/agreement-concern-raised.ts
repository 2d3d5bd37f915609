import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Text, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** Which side of the agreement raised a concern: either may. */
export const ConcernRaisedBy = oneOf('ConcernRaisedBy', 'coach', 'coachee');
/** `ConcernRaisedBy` as decoded. */
export type ConcernRaisedBy = t.TypeOf<typeof ConcernRaisedBy>;

/**
 * Whom a concern was taken to. The agreement names them: a coachee speaks to the coach or to the
 * coach's supervisor; a coach first speaks with the coachee, then confidentially with another
 * coach or with their supervisor.
 */
export const ConcernRaisedWith = oneOf('ConcernRaisedWith', 'coach', 'coachee', 'supervisor', 'another-coach');
/** `ConcernRaisedWith` as decoded. */
export type ConcernRaisedWith = t.TypeOf<typeof ConcernRaisedWith>;

/** Those each side may take a concern to, as the agreement names them. */
export const CONCERN_HEARD_BY: ReadonlyMap<ConcernRaisedBy, ReadonlyArray<ConcernRaisedWith>> = new Map([
  ['coachee', ['coach', 'supervisor']],
  ['coach', ['coachee', 'another-coach', 'supervisor']],
] as const);

/** The data of the `AgreementConcernRaised` event and of the `RaiseAgreementConcern` command. */
export const AgreementConcernRaisedData = struct(
  'AgreementConcernRaisedData',
  {
    agreementId: Id,
    raisedBy: ConcernRaisedBy,
    summary: Text,
  },
  {
    /** Names the concern so that its resolution can be recorded; a concern without one stays open. */
    concernId: Id,
    raisedWith: ConcernRaisedWith,
  },
);
/** `AgreementConcernRaisedData` as decoded. */
export type AgreementConcernRaisedData = t.TypeOf<typeof AgreementConcernRaisedData>;

/**
 * The coach or the coachee raised a concern that the other is not meeting the agreement’s obligations, with the
 * person they took it to (`002`). Lives in the `agreement` stream named by its `agreementId`.
 */
export const AgreementConcernRaised = defineEvent({
  type: 'AgreementConcernRaised',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description:
    'The coach or the coachee raised a concern that the other is not meeting the agreement’s obligations, with the person they took it to (`002`).',
  data: AgreementConcernRaisedData,
});

/**
 * Raise a concern about an agreement that has not ended, taken to someone the agreement names for the side raising
 * it, under an id not used before. Accepted, it records `AgreementConcernRaised`.
 */
export const RaiseAgreementConcern = defineCommand({
  type: 'RaiseAgreementConcern',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description:
    'Raise a concern about an agreement that has not ended, taken to someone the agreement names for the side raising it, under an id not used before.',
  data: AgreementConcernRaisedData,
  produces: ['AgreementConcernRaised'],
});
