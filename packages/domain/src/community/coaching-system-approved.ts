import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `CoachingSystemApproved` event and of the `ApproveCoachingSystem` command. */
export const CoachingSystemApprovedData = struct('CoachingSystemApprovedData', {
  communityId: Id,
  approvedBy: Id,
  approvedOn: LocalDate,
});
/** `CoachingSystemApprovedData` as decoded. */
export type CoachingSystemApprovedData = t.TypeOf<typeof CoachingSystemApprovedData>;

/**
 * Executive leadership approved the community’s coaching system with all seven components defined; it is fixed
 * from then on (`004`). Lives in the `community` stream named by its `communityId`.
 */
export const CoachingSystemApproved = defineEvent({
  type: 'CoachingSystemApproved',
  streamKind: 'community',
  streamIdField: 'communityId',
  description:
    'Executive leadership approved the community’s coaching system with all seven components defined; it is fixed from then on (`004`).',
  data: CoachingSystemApprovedData,
});

/**
 * Approve the coaching system, once, when all seven of its components are defined. Accepted, it records
 * `CoachingSystemApproved`.
 */
export const ApproveCoachingSystem = defineCommand({
  type: 'ApproveCoachingSystem',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Approve the coaching system, once, when all seven of its components are defined.',
  data: CoachingSystemApprovedData,
  produces: ['CoachingSystemApproved'],
});
