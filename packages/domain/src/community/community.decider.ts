import { Decider } from '../kernel/decider';
import { CommunityCommand } from './community.commands';
import { decideCommunity } from './community.decide';
import { CommunityEvent } from './community.events';
import { CommunityState, evolveCommunity, initialCommunityState } from './community.state';

/**
 * The rules of a community's stream: registration, program years, the coaching system and its implementation
 * plan, trainings, Provider Collaboration Meetings and focus groups.
 */
export const communityDecider: Decider<CommunityCommand, CommunityEvent, CommunityState> = {
  initialState: initialCommunityState,
  evolve: evolveCommunity,
  decide: decideCommunity,
};
