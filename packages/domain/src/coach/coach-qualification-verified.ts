import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, LocalDate, Text } from '../shared/primitives';
import { struct } from '../shared/struct';

export const CoachQualificationVerifiedData = struct(
  'CoachQualificationVerifiedData',
  { coachId: Id, qualificationId: Id, credential: Text, verifiedBy: Id },
  { verifiedOn: LocalDate },
);
export type CoachQualificationVerifiedData = t.TypeOf<typeof CoachQualificationVerifiedData>;

export const CoachQualificationVerified = defineEvent({
  type: 'CoachQualificationVerified',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'Someone checked a recorded credential against its source and vouches for it (`003`).',
  data: CoachQualificationVerifiedData,
});

export const VerifyCoachQualification = defineCommand({
  type: 'VerifyCoachQualification',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'Verify a credential recorded earlier for this coach.',
  data: CoachQualificationVerifiedData,
  produces: ['CoachQualificationVerified'],
});
