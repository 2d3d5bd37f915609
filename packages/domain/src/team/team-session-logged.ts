import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, nonEmptyArray, Sentences, Text } from '../kernel/primitives';
import { struct } from '../kernel/struct';
import { SessionMinutes, SessionMode } from '../provider/session-logged';
import { TeamContact } from './contact';

/** The data of the `TeamSessionLogged` event and of the `LogTeamSession` command. */
export const TeamSessionLoggedData = struct(
  'TeamSessionLoggedData',
  {
    teamId: Id,
    sessionId: Id,
    coachId: Id,
    heldOn: LocalDate,
    durationMinutes: SessionMinutes,
    contact: TeamContact,
    inSetting: t.boolean,
    mode: SessionMode,
    membersPresent: nonEmptyArray(Id, 'MembersPresent'),
  },
  { summary: Text, nextSteps: Sentences },
);
/** `TeamSessionLoggedData` as decoded. */
export type TeamSessionLoggedData = t.TypeOf<typeof TeamSessionLoggedData>;

/**
 * A coach recorded a training, coaching or consultation contact with a team (rule 2: recorded after it
 * happened). Lives in the `team` stream named by its `teamId`.
 */
export const TeamSessionLogged = defineEvent({
  type: 'TeamSessionLogged',
  streamKind: 'team',
  streamIdField: 'teamId',
  description:
    'A coach recorded a training, coaching or consultation contact with a team; only coaching, held in the setting, counts toward the team’s dosage (`004`).',
  data: TeamSessionLoggedData,
});

/**
 * Record a contact with the team, on or after the day it was held, with the members present. Accepted, it
 * records `TeamSessionLogged`.
 */
export const LogTeamSession = defineCommand({
  type: 'LogTeamSession',
  streamKind: 'team',
  streamIdField: 'teamId',
  description:
    'Record a contact with the team, on or after the day it was held; coaching is in person in the setting, and those present were members that day.',
  data: TeamSessionLoggedData,
  produces: ['TeamSessionLogged'],
});
