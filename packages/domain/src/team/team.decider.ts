import * as E from 'fp-ts/Either';
import { accept, Decider, refuse } from '../kernel/decider';
import { conflict, DomainError, notFound, ruleBroken } from '../kernel/domain-error';
import { futureDateRefusal } from '../provider/provider.rules';
import { teamContactRefusal } from './contact';
import { TeamCommand, TeamCommandOf } from './team.commands';
import { TeamEvent } from './team.events';
import { evolveTeam, initialTeamState, lastMembershipChange, membersOn, TeamState } from './team.state';

type TeamDecision = E.Either<DomainError, ReadonlyArray<TeamEvent>>;

/** The first id that appears twice in `ids`, if one does. */
const repeated = (ids: ReadonlyArray<string>): string | undefined => {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
};

/** A day a team's record may hold: not before the team was registered, and not after the command was sent. */
const dateRefusal = (
  code: string,
  date: string,
  registeredOn: string,
  issuedAt: string,
  path: string,
): DomainError | undefined =>
  date < registeredOn
    ? ruleBroken(
        `${code}-before-registration`,
        `The team was registered on ${registeredOn}; nothing of it comes before.`,
        path,
      )
    : futureDateRefusal(`${code}-in-future`, date, issuedAt, path);

const decideRegister = (command: TeamCommandOf<'RegisterTeam'>, state: TeamState): TeamDecision => {
  if (state.registeredOn !== undefined)
    return refuse(
      conflict('team-already-registered', 'This team is already registered.', [
        { path: 'data.teamId', message: 'already registered' },
      ]),
    );
  const twice = repeated(command.data.members.map((member) => member.memberId));
  if (twice !== undefined)
    return refuse(ruleBroken('member-listed-twice', `Member ${twice} is listed more than once.`, 'data.members'));
  const refusal = futureDateRefusal(
    'team-registered-in-future',
    command.data.registeredOn,
    command.metadata.issuedAt,
    'data.registeredOn',
  );
  return refusal ? refuse(refusal) : accept({ type: 'TeamRegistered', data: command.data });
};

const membershipRefusal = (
  command: TeamCommandOf<'ChangeTeamMembership'>,
  state: TeamState,
  registeredOn: string,
): DomainError | undefined => {
  const { joined, left, changedOn } = command.data;
  const joining = joined.map((member) => member.memberId);
  if (joining.length === 0 && left.length === 0)
    return ruleBroken('empty-membership-change', 'A membership change has someone joining or leaving.', 'data.joined');
  const twiceJoining = repeated(joining);
  if (twiceJoining !== undefined)
    return ruleBroken('member-listed-twice', `Member ${twiceJoining} is listed more than once.`, 'data.joined');
  const twiceLeaving = repeated(left);
  if (twiceLeaving !== undefined)
    return ruleBroken('member-listed-twice', `Member ${twiceLeaving} is listed more than once.`, 'data.left');
  const alreadyMember = joining.find((memberId) => state.members.has(memberId));
  if (alreadyMember !== undefined)
    return ruleBroken('already-a-member', `${alreadyMember} is already a member of the team.`, 'data.joined');
  const notMember = left.find((memberId) => !state.members.has(memberId));
  if (notMember !== undefined)
    return ruleBroken('not-a-member', `${notMember} is not a member of the team, so cannot leave it.`, 'data.left');
  if (state.members.size - left.length + joining.length === 0)
    return ruleBroken('team-emptied', 'A team keeps at least one member.', 'data.left');
  const dated = dateRefusal('membership-change', changedOn, registeredOn, command.metadata.issuedAt, 'data.changedOn');
  if (dated) return dated;
  const latest = lastMembershipChange(state);
  return latest !== undefined && changedOn < latest
    ? ruleBroken(
        'membership-change-out-of-order',
        `The team's membership last changed on ${latest}; a change comes on or after it.`,
        'data.changedOn',
      )
    : undefined;
};

const decideLogSession = (
  command: TeamCommandOf<'LogTeamSession'>,
  state: TeamState,
  registeredOn: string,
): TeamDecision => {
  const { data } = command;
  if (state.sessions.has(data.sessionId))
    return refuse(ruleBroken('session-already-logged', 'A session with this id is already logged.', 'data.sessionId'));
  const contactRefusal = teamContactRefusal(data);
  if (contactRefusal) return refuse(contactRefusal);
  const dated = dateRefusal('session', data.heldOn, registeredOn, command.metadata.issuedAt, 'data.heldOn');
  if (dated) return refuse(dated);
  const twice = repeated(data.membersPresent);
  if (twice !== undefined)
    return refuse(
      ruleBroken('member-listed-twice', `Member ${twice} is listed more than once.`, 'data.membersPresent'),
    );
  const members = membersOn(state, data.heldOn);
  const stranger = data.membersPresent.find((memberId) => !members.has(memberId));
  if (stranger !== undefined)
    return refuse(
      ruleBroken('not-a-member', `${stranger} was not a member of the team on ${data.heldOn}.`, 'data.membersPresent'),
    );
  return accept({ type: 'TeamSessionLogged', data });
};

const decideFor = (command: TeamCommand, state: TeamState, registeredOn: string): TeamDecision => {
  const issuedAt = command.metadata.issuedAt;
  switch (command.type) {
    case 'RegisterTeam':
      return decideRegister(command, state);
    case 'ChangeTeamMembership': {
      const refusal = membershipRefusal(command, state, registeredOn);
      return refusal ? refuse(refusal) : accept({ type: 'TeamMembershipChanged', data: command.data });
    }
    case 'AssignTeamCoach': {
      if (command.data.coachId === state.coachId)
        return refuse(ruleBroken('same-coach', 'The team already has this coach.', 'data.coachId'));
      const refusal = dateRefusal(
        'coach-assignment',
        command.data.assignedOn,
        registeredOn,
        issuedAt,
        'data.assignedOn',
      );
      return refusal ? refuse(refusal) : accept({ type: 'TeamCoachAssigned', data: command.data });
    }
    case 'LogTeamSession':
      return decideLogSession(command, state, registeredOn);
    case 'VoidTeamSession': {
      const session = state.sessions.get(command.data.sessionId);
      if (!session)
        return refuse(
          ruleBroken('unknown-session', 'No session with this id was logged for the team.', 'data.sessionId'),
        );
      if (session.voided)
        return refuse(ruleBroken('session-already-voided', 'This session is already voided.', 'data.sessionId'));
      return accept({ type: 'TeamSessionVoided', data: command.data });
    }
    case 'SetCoachingServiceDeliveryPlan': {
      const { setOn, reviewOn } = command.data;
      if (reviewOn !== undefined && reviewOn <= setOn)
        return refuse(
          ruleBroken('review-before-plan', `A plan set on ${setOn} is reviewed after that day.`, 'data.reviewOn'),
        );
      const refusal = dateRefusal('plan', setOn, registeredOn, issuedAt, 'data.setOn');
      return refusal ? refuse(refusal) : accept({ type: 'CoachingServiceDeliveryPlanSet', data: command.data });
    }
    case 'RecordCoachingEffectiveness': {
      const refusal = dateRefusal('effectiveness', command.data.recordedOn, registeredOn, issuedAt, 'data.recordedOn');
      return refusal ? refuse(refusal) : accept({ type: 'CoachingEffectivenessRecorded', data: command.data });
    }
  }
};

/**
 * The rules of a team's stream (`004`): registration, membership, its coach, its sessions (only
 * coaching in the setting counts), its service delivery plan and its effectiveness data.
 */
export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: initialTeamState,
  evolve: evolveTeam,
  decide: (command, state) => {
    if (command.type === 'RegisterTeam') return decideRegister(command, state);
    if (state.registeredOn === undefined)
      return refuse(
        notFound('team-not-registered', 'This team is not registered.', [
          { path: 'data.teamId', message: 'no such team' },
        ]),
      );
    return decideFor(command, state, state.registeredOn);
  },
};
