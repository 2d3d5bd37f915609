import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, Text } from '../shared/primitives';
import { struct } from '../shared/struct';

export const CoachQualificationRecordedData = struct('CoachQualificationRecordedData', {
  coachId: Id,
  qualificationId: Id,
  credential: Text,
});
export type CoachQualificationRecordedData = t.TypeOf<typeof CoachQualificationRecordedData>;

export const CoachQualificationRecorded = defineEvent({
  type: 'CoachQualificationRecorded',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'A credential a coach holds was recorded, still to be verified (`003`).',
  data: CoachQualificationRecordedData,
});

export const RecordCoachQualification = defineCommand({
  type: 'RecordCoachQualification',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'Record a credential the coach states they hold.',
  data: CoachQualificationRecordedData,
  produces: ['CoachQualificationRecorded'],
});
