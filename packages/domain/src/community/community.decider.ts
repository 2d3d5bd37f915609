import { Decider } from '../shared/decider';
import { CommunityCommand } from './community.commands';
import { decideCommunity } from './community.decide';
import { CommunityEvent } from './community.events';
import { CommunityState, evolveCommunity, initialCommunityState } from './community.state';

/** The rules of a community's stream: registration, program years, its coaching system, trainings and meetings. */
export const communityDecider: Decider<CommunityCommand, CommunityEvent, CommunityState> = {
  initialState: initialCommunityState,
  evolve: evolveCommunity,
  decide: decideCommunity,
};
