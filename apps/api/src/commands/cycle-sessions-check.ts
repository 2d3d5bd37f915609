import { CoachlineCommand, cycleSessionsRefusalOnState, DomainError, entryOf } from '@coachline/domain';
import { DecidedStreams, type EventStore } from '@coachline/eventstore';

/** The provider an agreement was drafted for: the one its opening event names. */
const providerOfAgreement = async (store: EventStore, agreementId: string): Promise<string | undefined> => {
  for await (const stored of store.readStream(`agreement-${agreementId}`, { maxCount: 1 })) {
    const providerId =
      typeof stored.data === 'object' && stored.data !== null
        ? entryOf(stored.data as Record<string, unknown>, 'providerId')
        : undefined;
    return typeof providerId === 'string' ? providerId : undefined;
  }
  return undefined;
};

/**
 * A completed cycle names sessions of the provider's stream, which the agreement's decider never
 * reads; so they are judged here, on the provider stream's state as the store holds it now, before
 * the cycle is decided on its own stream. An agreement never drafted is left to its decider to
 * refuse.
 */
export const cycleSessionsCheck = async (
  store: EventStore,
  decidedStreams: DecidedStreams,
  command: CoachlineCommand,
): Promise<DomainError | undefined> => {
  if (command.type !== 'CompleteCoachingCycle') return undefined;
  const providerId = await providerOfAgreement(store, command.data.agreementId);
  if (providerId === undefined) return undefined;
  const provider = await decidedStreams.current(store, `provider-${providerId}`, 'provider');
  return cycleSessionsRefusalOnState(command.data, providerId, provider.state);
};
