import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Labels, Text } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `CoachQualificationRecorded` event and of the `RecordCoachQualification` command. */
export const CoachQualificationRecordedData = struct(
  'CoachQualificationRecordedData',
  { coachId: Id, qualificationId: Id, credential: Text },
  {
    /** How the coach came to the credential: a degree, a certification course, a mentored practicum. */
    pathway: Text,
    /** What the coach's training covered (practice-based coaching, the Pyramid Model, reflective supervision). */
    trainingContent: Labels,
    /** The core coaching competencies the credential shows (building relationships, observation, feedback). */
    competencies: Labels,
  },
);
/** `CoachQualificationRecordedData` as decoded. */
export type CoachQualificationRecordedData = t.TypeOf<typeof CoachQualificationRecordedData>;

/**
 * A credential a coach holds was recorded, still to be verified (`003`). Lives in the `coach` stream named by its
 * `coachId`.
 */
export const CoachQualificationRecorded = defineEvent({
  type: 'CoachQualificationRecorded',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'A credential a coach holds was recorded, still to be verified (`003`).',
  data: CoachQualificationRecordedData,
});

/** Record a credential the coach states they hold. Accepted, it records `CoachQualificationRecorded`. */
export const RecordCoachQualification = defineCommand({
  type: 'RecordCoachQualification',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'Record a credential the coach states they hold.',
  data: CoachQualificationRecordedData,
  produces: ['CoachQualificationRecorded'],
});
