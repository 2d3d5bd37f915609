import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** Who a coaching system is shared with, so that all understand the coaching role (`004`). */
export const CoachingSystemAudience = oneOf('CoachingSystemAudience', 'coaches', 'implementation-teams');
export type CoachingSystemAudience = t.TypeOf<typeof CoachingSystemAudience>;

/** The data of the `CoachingSystemShared` event and of the `ShareCoachingSystem` command. */
export const CoachingSystemSharedData = struct('CoachingSystemSharedData', {
  communityId: Id,
  audience: CoachingSystemAudience,
  sharedOn: LocalDate,
});
/** `CoachingSystemSharedData` as decoded. */
export type CoachingSystemSharedData = t.TypeOf<typeof CoachingSystemSharedData>;

/**
 * The approved coaching system was shared with the community's coaches or its implementation teams, to ensure a
 * common understanding of the role and its responsibilities (`004`). Lives in the `community` stream named by its
 * `communityId`.
 */
export const CoachingSystemShared = defineEvent({
  type: 'CoachingSystemShared',
  streamKind: 'community',
  streamIdField: 'communityId',
  description:
    'The approved coaching system was shared with the coaches or the implementation teams, so that all understand the coaching role (`004`).',
  data: CoachingSystemSharedData,
});

/**
 * Share the approved coaching system with coaches or implementation teams, on or after the day it was approved.
 * Accepted, it records `CoachingSystemShared`.
 */
export const ShareCoachingSystem = defineCommand({
  type: 'ShareCoachingSystem',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Share the approved coaching system with coaches or implementation teams, once it is approved.',
  data: CoachingSystemSharedData,
  produces: ['CoachingSystemShared'],
});
