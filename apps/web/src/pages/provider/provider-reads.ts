import { useQuery } from '@tanstack/react-query';
import { api, segment } from '../../api/client';
import { useSession } from '../../api/session';

/**
 * A session as the provider reads it (`GET /providers/:id/coaching-log`): what the coach shares
 * with the coachee, and the days feedback on it was sent. No field of it can hold a score.
 */
export interface SharedSession {
  readonly sessionId: string;
  readonly heldOn: string;
  readonly durationMinutes: number;
  readonly kind: string;
  readonly mode: string;
  readonly practices: ReadonlyArray<string>;
  readonly strategies: ReadonlyArray<string>;
  readonly summary: string | null;
  readonly nextSteps: ReadonlyArray<string>;
  readonly feedbackSentOn: ReadonlyArray<string>;
}

export interface ProviderCoachingLog {
  readonly providerId: string;
  readonly sessions: ReadonlyArray<SharedSession>;
}

/** The provider this account is: the session's reach names them, and the account's id is theirs. */
export const useOwnProviderId = (): string | undefined => {
  const session = useSession().data;
  if (session === null || session === undefined) return undefined;
  const reached = session.reach?.['providerId'];
  return typeof reached === 'string' ? reached : session.accountId;
};

export const useOwnCoachingLog = (providerId: string) =>
  useQuery({
    queryKey: ['provider', providerId, 'own-coaching-log'],
    queryFn: () => api<ProviderCoachingLog>(`/providers/${segment(providerId)}/coaching-log`),
  });
