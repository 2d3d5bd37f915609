import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, Text } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `CoachQualificationVerified` event and of the `VerifyCoachQualification` command. */
export const CoachQualificationVerifiedData = struct(
  'CoachQualificationVerifiedData',
  { coachId: Id, qualificationId: Id, credential: Text, verifiedBy: Id },
  { verifiedOn: LocalDate },
);
/** `CoachQualificationVerifiedData` as decoded. */
export type CoachQualificationVerifiedData = t.TypeOf<typeof CoachQualificationVerifiedData>;

/**
 * Someone checked a recorded credential against its source and vouches for it (`003`). Lives in the `coach` stream
 * named by its `coachId`.
 */
export const CoachQualificationVerified = defineEvent({
  type: 'CoachQualificationVerified',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'Someone checked a recorded credential against its source and vouches for it (`003`).',
  data: CoachQualificationVerifiedData,
});

/** Verify a credential recorded earlier for this coach. Accepted, it records `CoachQualificationVerified`. */
export const VerifyCoachQualification = defineCommand({
  type: 'VerifyCoachQualification',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'Verify a credential recorded earlier for this coach.',
  data: CoachQualificationVerifiedData,
  produces: ['CoachQualificationVerified'],
});
