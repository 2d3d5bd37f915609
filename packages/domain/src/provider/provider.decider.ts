import { Decider } from '../kernel/decider';
import { ProviderCommand } from './provider.commands';
import { decide } from './provider.decide';
import { ProviderEvent } from './provider.events';
import { evolve, initialProviderState, ProviderState } from './provider.state';

/** The rules of a provider's stream: enrollment, consent, observations, sessions, plans and exit. */
export const providerDecider: Decider<ProviderCommand, ProviderEvent, ProviderState> = {
  initialState: initialProviderState,
  evolve,
  decide,
};
