import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, Ids, Text, nonEmptyArray } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/**
 * The data of the `ProviderCollaborationMeetingHeld` event and of the `RecordProviderCollaborationMeeting`
 * command.
 */
export const ProviderCollaborationMeetingHeldData = struct(
  'ProviderCollaborationMeetingHeldData',
  {
    communityId: Id,
    meetingId: Id,
    heldOn: LocalDate,
    /** Coaches facilitate these meetings (rule 7). */
    facilitatorIds: nonEmptyArray(Id, 'FacilitatorIds'),
    attendeeIds: Ids,
    topic: Text,
  },
  {
    /** Each meeting gathers ideas for the next one’s topic (`000`). */
    nextTopic: Text,
    /** Who will facilitate the next meeting: the coaches decide it as they debrief each meeting (`000`). */
    nextFacilitatorIds: nonEmptyArray(Id, 'NextFacilitatorIds'),
  },
);
/** `ProviderCollaborationMeetingHeldData` as decoded. */
export type ProviderCollaborationMeetingHeldData = t.TypeOf<typeof ProviderCollaborationMeetingHeldData>;

/**
 * Coaches facilitated a Provider Collaboration Meeting within a program year; a year holds 6 to 12 of them (rule
 * 7). Lives in the `community` stream named by its `communityId`.
 */
export const ProviderCollaborationMeetingHeld = defineEvent({
  type: 'ProviderCollaborationMeetingHeld',
  streamKind: 'community',
  streamIdField: 'communityId',
  description:
    'Coaches facilitated a Provider Collaboration Meeting within a program year; a year holds 6 to 12 of them (rule 7).',
  data: ProviderCollaborationMeetingHeldData,
});

/**
 * Record a Provider Collaboration Meeting held within a program year, at most the twelfth of that year. Accepted,
 * it records `ProviderCollaborationMeetingHeld`.
 */
export const RecordProviderCollaborationMeeting = defineCommand({
  type: 'RecordProviderCollaborationMeeting',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Record a Provider Collaboration Meeting held within a program year, at most the twelfth of that year.',
  data: ProviderCollaborationMeetingHeldData,
  produces: ['ProviderCollaborationMeetingHeld'],
});
