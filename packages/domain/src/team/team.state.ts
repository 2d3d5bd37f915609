import { TeamEvent } from './team.events';

/** One step of a team's membership: who joined and who left, from a day on. */
export interface MembershipStep {
  readonly on: string;
  readonly joined: ReadonlyArray<string>;
  readonly left: ReadonlyArray<string>;
}

/** What a team's rules need to know of the history. */
export interface TeamState {
  /** The day the team was registered; `undefined` before. */
  readonly registeredOn: string | undefined;
  readonly coachId: string | undefined;
  /** Who is on the team now. */
  readonly members: ReadonlySet<string>;
  /** Every change of membership in the order recorded, registration first: who was a member on a day. */
  readonly membership: ReadonlyArray<MembershipStep>;
  /** Whether each logged session was voided. */
  readonly sessions: ReadonlyMap<string, { readonly voided: boolean }>;
}

/** A team stream before anything is recorded on it. */
export const initialTeamState: TeamState = {
  registeredOn: undefined,
  coachId: undefined,
  members: new Set(),
  membership: [],
  sessions: new Map(),
};

/** The members of the team on `date`, by the membership changes made on or before it. */
export const membersOn = (state: TeamState, date: string): ReadonlySet<string> => {
  const members = new Set<string>();
  for (const step of state.membership) {
    if (step.on > date) continue;
    step.left.forEach((memberId) => members.delete(memberId));
    step.joined.forEach((memberId) => members.add(memberId));
  }
  return members;
};

/** The day of the latest membership change, or of registration. */
export const lastMembershipChange = (state: TeamState): string | undefined =>
  state.membership.reduce<string | undefined>(
    (latest, step) => (latest === undefined || step.on > latest ? step.on : latest),
    undefined,
  );

/** Folds one team event into the state. */
export const evolveTeam = (state: TeamState, event: TeamEvent): TeamState => {
  switch (event.type) {
    case 'TeamRegistered': {
      const joined = event.data.members.map((member) => member.memberId);
      return {
        ...state,
        registeredOn: event.data.registeredOn,
        coachId: event.data.coachId,
        members: new Set(joined),
        membership: [{ on: event.data.registeredOn, joined, left: [] }],
      };
    }
    case 'TeamMembershipChanged': {
      const joined = event.data.joined.map((member) => member.memberId);
      const members = new Set(state.members);
      event.data.left.forEach((memberId) => members.delete(memberId));
      joined.forEach((memberId) => members.add(memberId));
      return {
        ...state,
        members,
        membership: [...state.membership, { on: event.data.changedOn, joined, left: event.data.left }],
      };
    }
    case 'TeamCoachAssigned':
      return { ...state, coachId: event.data.coachId };
    case 'TeamSessionLogged':
      return { ...state, sessions: new Map(state.sessions).set(event.data.sessionId, { voided: false }) };
    case 'TeamSessionVoided':
      return { ...state, sessions: new Map(state.sessions).set(event.data.sessionId, { voided: true }) };
    case 'CoachingServiceDeliveryPlanSet':
    case 'CoachingEffectivenessRecorded':
      return state;
  }
};
