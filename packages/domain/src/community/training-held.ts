import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, LocalDate, Ids, oneOf } from '../shared/primitives';
import { struct } from '../shared/struct';

/** RiR Year 1 requires the Director Training and Pyramid Modules 1A, 1B, 2A and 2B (rule 6). */
export const TrainingModule = oneOf(
  'TrainingModule',
  'director-training',
  'module-1a',
  'module-1b',
  'module-2a',
  'module-2b',
  'other',
);
export type TrainingModule = t.TypeOf<typeof TrainingModule>;

export const TrainingAttendees = struct('TrainingAttendees', { providerIds: Ids, coachIds: Ids });
export type TrainingAttendees = t.TypeOf<typeof TrainingAttendees>;

export const TrainingHeldData = struct('TrainingHeldData', {
  communityId: Id,
  trainingId: Id,
  module: TrainingModule,
  heldOn: LocalDate,
  attendees: TrainingAttendees,
});
export type TrainingHeldData = t.TypeOf<typeof TrainingHeldData>;

export const TrainingHeld = defineEvent({
  type: 'TrainingHeld',
  streamKind: 'community',
  streamIdField: 'communityId',
  description:
    'A community held a training within one of its program years; when is its choice, the guide’s months are suggestions (rule 6).',
  data: TrainingHeldData,
});

export const RecordTraining = defineCommand({
  type: 'RecordTraining',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Record a training held within a program year, with the providers and coaches who attended.',
  data: TrainingHeldData,
  produces: ['TrainingHeld'],
});
