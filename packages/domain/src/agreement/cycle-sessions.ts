import { DomainError, ruleBroken } from '../kernel/domain-error';
import type { StreamState } from '../catalogue/decide-command';
import type { ProviderState, SessionRecord } from '../provider/provider.state';
import type { CoachingCycleCompletedData } from './coaching-cycle-completed';

/** Why a session named by a cycle cannot be one of its sessions. */
type Unfit = 'not logged for the provider' | 'voided' | 'held after the cycle was completed';

const unfitness = (
  cycle: CoachingCycleCompletedData,
  sessionId: string,
  sessions: ReadonlyMap<string, SessionRecord>,
): Unfit | undefined => {
  const record = sessions.get(sessionId);
  if (record === undefined) return 'not logged for the provider';
  if (record.voided) return 'voided';
  if (record.session.heldOn > cycle.completedOn) return 'held after the cycle was completed';
  return undefined;
};

/**
 * A completed cycle is made of sessions logged for the agreement's provider, standing (not voided)
 * and held by the day the cycle was completed; a session before the agreement was signed may
 * count, since shared goals are often set before it is. Refused otherwise, naming each session
 * and why, at `data.sessionIds`.
 *
 * Those sessions live on the provider's stream, which the agreement's decider never reads: each
 * decider decides on its own stream alone, so that its decision is a fold of that stream and a
 * kept state stays exact. This check is therefore a pure function of the cycle and the provider's
 * sessions, which the handler of the command reads beside the agreement (`providerId` is the
 * provider the agreement was drafted for) and asks before the decider.
 */
export const cycleSessionsRefusal = (
  cycle: CoachingCycleCompletedData,
  providerId: string,
  sessions: ReadonlyMap<string, SessionRecord>,
): DomainError | undefined => {
  const unfit = cycle.sessionIds.flatMap((sessionId) => {
    const why = unfitness(cycle, sessionId, sessions);
    return why === undefined ? [] : [{ sessionId, why }];
  });
  if (unfit.length === 0) return undefined;
  const listed = unfit.map(({ sessionId, why }) => `${sessionId} (${why})`).join(', ');
  const refusal = ruleBroken(
    'cycle-sessions-not-logged',
    `A cycle is made of sessions logged for provider ${providerId}: ${listed}.`,
    'data.sessionIds',
  );
  return {
    ...refusal,
    errors: unfit.map(({ sessionId, why }) => ({ path: 'data.sessionIds', message: `${sessionId}: ${why}` })),
  };
};

/**
 * `cycleSessionsRefusal` on the state of the provider's stream as the event store keeps it; a
 * state of another kind of stream is a caller's mistake, thrown.
 */
export const cycleSessionsRefusalOnState = (
  cycle: CoachingCycleCompletedData,
  providerId: string,
  providerStream: StreamState,
): DomainError | undefined => {
  if (providerStream.kind !== 'provider')
    throw new Error(`A cycle's sessions are read from a provider stream, not from a ${providerStream.kind} one.`);
  return cycleSessionsRefusal(cycle, providerId, (providerStream.folded as ProviderState).sessions);
};
