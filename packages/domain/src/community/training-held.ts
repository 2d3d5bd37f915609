import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, Ids, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

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

/** Who, at a provider's site, leads or runs it: the people the Director Training is for. */
export const SiteStaffRole = oneOf('SiteStaffRole', 'director', 'administrative');
export type SiteStaffRole = t.TypeOf<typeof SiteStaffRole>;

/**
 * One of a provider's site staff at the Director Training, by role and provider only: no name is needed to tell
 * whether each site's leadership was trained, so none is kept.
 */
export const SiteStaffAttendee = struct('SiteStaffAttendee', { providerId: Id, role: SiteStaffRole });
/** `SiteStaffAttendee` as decoded. */
export type SiteStaffAttendee = t.TypeOf<typeof SiteStaffAttendee>;

/**
 * Who attended a training, so each provider's and coach's training requirement is met by it; `staff` lists the
 * directors and administrative staff of providers' sites at the Director Training, the one training meant for
 * them.
 */
export const TrainingAttendees = struct(
  'TrainingAttendees',
  { providerIds: Ids, coachIds: Ids },
  { staff: t.array(SiteStaffAttendee, 'SiteStaffAttendees') },
);
/** `TrainingAttendees` as decoded. */
export type TrainingAttendees = t.TypeOf<typeof TrainingAttendees>;

/** The data of the `TrainingHeld` event and of the `RecordTraining` command. */
export const TrainingHeldData = struct('TrainingHeldData', {
  communityId: Id,
  trainingId: Id,
  module: TrainingModule,
  heldOn: LocalDate,
  attendees: TrainingAttendees,
});
/** `TrainingHeldData` as decoded. */
export type TrainingHeldData = t.TypeOf<typeof TrainingHeldData>;

/**
 * A community held a training within one of its program years; when is its choice, the guide’s months are
 * suggestions (rule 6). Lives in the `community` stream named by its `communityId`.
 */
export const TrainingHeld = defineEvent({
  type: 'TrainingHeld',
  streamKind: 'community',
  streamIdField: 'communityId',
  description:
    'A community held a training within one of its program years; when is its choice, the guide’s months are suggestions (rule 6).',
  data: TrainingHeldData,
});

/**
 * Record a training held within a program year, with the providers and coaches who attended, and the site
 * directors and administrative staff at a Director Training. Accepted, it records `TrainingHeld`.
 */
export const RecordTraining = defineCommand({
  type: 'RecordTraining',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Record a training held within a program year, with the providers and coaches who attended.',
  data: TrainingHeldData,
  produces: ['TrainingHeld'],
});
