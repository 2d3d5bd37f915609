import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `TeamCoachAssigned` event and of the `AssignTeamCoach` command. */
export const TeamCoachAssignedData = struct('TeamCoachAssignedData', {
  teamId: Id,
  coachId: Id,
  assignedOn: LocalDate,
});
/** `TeamCoachAssignedData` as decoded. */
export type TeamCoachAssignedData = t.TypeOf<typeof TeamCoachAssignedData>;

/** A team was given a new coach from a day on. Lives in the `team` stream named by its `teamId`. */
export const TeamCoachAssigned = defineEvent({
  type: 'TeamCoachAssigned',
  streamKind: 'team',
  streamIdField: 'teamId',
  description: 'A team was given a new coach from a day on.',
  data: TeamCoachAssignedData,
});

/** Give a team a coach other than the one it has. Accepted, it records `TeamCoachAssigned`. */
export const AssignTeamCoach = defineCommand({
  type: 'AssignTeamCoach',
  streamKind: 'team',
  streamIdField: 'teamId',
  description: 'Give a team a coach other than the one it has, from a day on.',
  data: TeamCoachAssignedData,
  produces: ['TeamCoachAssigned'],
});
