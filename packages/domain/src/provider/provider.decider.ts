import { Decider } from '../shared/decider';
import { ProviderCommand } from './provider.commands';
import { decide } from './provider.decide';
import { ProviderEvent } from './provider.events';
import { evolve, initialProviderState, ProviderState } from './provider.state';

export const providerDecider: Decider<ProviderCommand, ProviderEvent, ProviderState> = {
  initialState: initialProviderState,
  evolve,
  decide,
};
