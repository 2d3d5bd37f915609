import type { Role } from '@coachline/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiRefusal, rememberCsrf } from './client';

/** Who is signed in, as `GET /sessions/current` answers. */
export interface SignedIn {
  readonly accountId: string;
  readonly role: Role;
  readonly reach?: Readonly<Record<string, unknown>>;
  readonly csrf: string;
  readonly expiresAt: string;
}

export const SESSION_KEY = ['session'] as const;

/** The session, or null when nobody is signed in (401). */
export const readSession = async (): Promise<SignedIn | null> => {
  try {
    const session = await api<SignedIn>('/sessions/current');
    rememberCsrf(session.csrf);
    return session;
  } catch (error) {
    if (error instanceof ApiRefusal && error.status === 401) {
      rememberCsrf(undefined);
      return null;
    }
    throw error;
  }
};

export const useSession = () => useQuery({ queryKey: SESSION_KEY, queryFn: readSession, staleTime: 60_000 });

/** After a sign-in answered: the session is known without asking again. */
export const useSessionStarted = () => {
  const queryClient = useQueryClient();
  return (session: SignedIn) => {
    rememberCsrf(session.csrf);
    queryClient.setQueryData(SESSION_KEY, session);
  };
};

/** Signs out (the API revokes the session's token) and forgets every read. */
export const useSignOut = () => {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await api<void>('/sessions/current', { method: 'DELETE' });
    } finally {
      rememberCsrf(undefined);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    }
  };
};
