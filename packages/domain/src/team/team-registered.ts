import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Label, LocalDate, nonEmptyArray, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/**
 * The implementation teams systems coaching serves (`004`): the district implementation team, a
 * school's leadership team, a grade-level team, and the multidisciplinary (advanced tiers) team.
 */
export const TeamLevel = oneOf('TeamLevel', 'district', 'school', 'grade-level', 'multidisciplinary');
/** `TeamLevel` as decoded. */
export type TeamLevel = t.TypeOf<typeof TeamLevel>;

/** A member of a team by id and the role they hold on it; names are personal and stay out of the stream. */
export const TeamMember = struct('TeamMember', { memberId: Id, role: Label });
/** `TeamMember` as decoded. */
export type TeamMember = t.TypeOf<typeof TeamMember>;

/** The members of a team as registered: at least one. */
export const TeamMembers = nonEmptyArray(TeamMember, 'TeamMembers');

/** The data of the `TeamRegistered` event and of the `RegisterTeam` command. */
export const TeamRegisteredData = struct('TeamRegisteredData', {
  teamId: Id,
  communityId: Id,
  level: TeamLevel,
  name: Label,
  coachId: Id,
  registeredOn: LocalDate,
  members: TeamMembers,
});
/** `TeamRegisteredData` as decoded. */
export type TeamRegisteredData = t.TypeOf<typeof TeamRegisteredData>;

/**
 * An implementation team became a coachee of the community's coaching system, with its coach and members
 * (`004`). Lives in the `team` stream named by its `teamId`.
 */
export const TeamRegistered = defineEvent({
  type: 'TeamRegistered',
  streamKind: 'team',
  streamIdField: 'teamId',
  description:
    'An implementation team (district, school, grade-level or multidisciplinary) became a coachee of the community’s coaching system, with its coach and members by id (`004`).',
  data: TeamRegisteredData,
});

/** Register a team once, with members whose ids differ. Accepted, it records `TeamRegistered`. */
export const RegisterTeam = defineCommand({
  type: 'RegisterTeam',
  streamKind: 'team',
  streamIdField: 'teamId',
  description: 'Register an implementation team once, with its coach and at least one member, each id once.',
  data: TeamRegisteredData,
  produces: ['TeamRegistered'],
});
