import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Ids, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';
import { TeamMember } from './team-registered';

/** The data of the `TeamMembershipChanged` event and of the `ChangeTeamMembership` command. */
export const TeamMembershipChangedData = struct('TeamMembershipChangedData', {
  teamId: Id,
  joined: t.array(TeamMember, 'TeamMembersJoined'),
  left: Ids,
  changedOn: LocalDate,
});
/** `TeamMembershipChangedData` as decoded. */
export type TeamMembershipChangedData = t.TypeOf<typeof TeamMembershipChangedData>;

/**
 * Members joined or left a team from a day on. Lives in the `team` stream named by its `teamId`.
 */
export const TeamMembershipChanged = defineEvent({
  type: 'TeamMembershipChanged',
  streamKind: 'team',
  streamIdField: 'teamId',
  description: 'Members joined or left a team from a day on.',
  data: TeamMembershipChangedData,
});

/**
 * Change who is on a team: only non-members join, only members leave, and the team keeps at least one member.
 * Accepted, it records `TeamMembershipChanged`.
 */
export const ChangeTeamMembership = defineCommand({
  type: 'ChangeTeamMembership',
  streamKind: 'team',
  streamIdField: 'teamId',
  description:
    'Change who is on a team: only non-members join, only members leave, and the team keeps at least one member.',
  data: TeamMembershipChangedData,
  produces: ['TeamMembershipChanged'],
});
