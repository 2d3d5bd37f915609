import { DomainError, ruleBroken } from '../kernel/domain-error';

/** The coach a command gives a team, and the field that names them. */
export interface TeamCoach {
  readonly teamId: string;
  readonly coachId: string;
  readonly path: string;
  /** The day the coach takes the team, by which the community's program year is chosen. */
  readonly on: string;
}

/** The coach a command gives a team: the registering coach or the one assigned. Other commands give none. */
export const teamCoachOf = (command: { readonly type: string; readonly data: unknown }): TeamCoach | undefined => {
  const data = command.data as Readonly<Record<string, unknown>>;
  if (command.type === 'RegisterTeam')
    return {
      teamId: String(data['teamId']),
      coachId: String(data['coachId']),
      path: 'data.coachId',
      on: String(data['registeredOn']),
    };
  if (command.type === 'AssignTeamCoach')
    return {
      teamId: String(data['teamId']),
      coachId: String(data['coachId']),
      path: 'data.coachId',
      on: String(data['assignedOn']),
    };
  return undefined;
};

/** What the selection rule needs beyond the team's own stream. */
export interface TeamCoachFacts {
  /** The guide of the community's program year on the day; `undefined` when there is none. */
  readonly guide: { readonly title: string; readonly teamCoachNeedsApprovedSystem?: boolean } | undefined;
  /** Whether the community's stream holds `CoachingSystemApproved`. */
  readonly systemApproved: boolean;
}

/**
 * Under a guide that asks for it, a team's coach is chosen only once the community's coaching
 * system is approved, since the system is what guides the selection of coaches (`004`). A guide
 * that does not ask, or no program year on the day, lets any coach take the team.
 */
export const unapprovedSystemRefusal = (taking: TeamCoach, facts: TeamCoachFacts): DomainError | undefined => {
  if (facts.guide?.teamCoachNeedsApprovedSystem !== true || facts.systemApproved) return undefined;
  return ruleBroken(
    'coaching-system-not-approved',
    `Under ${facts.guide.title} a team's coach is chosen under the community's approved coaching system; it is not approved yet, so ${taking.coachId} cannot take the team.`,
    taking.path,
  );
};
