import type {
  CaseloadList,
  CoachesView,
  CoachingSystemView,
  DueList,
  ProgramReport,
  TeamsView,
} from '@coachline/projections';
import { useQuery } from '@tanstack/react-query';
import { api, segment } from '../../api/client';

/** A query string from named values: each escaped, so an id from outside never changes the request's shape. */
const queryOf = (values: ReadonlyArray<readonly [string, string]>): string =>
  new URLSearchParams(values.map(([name, value]) => [name, value])).toString();

/** Every read of the program's staff starts with this key, so a command sent renews them all. */
export const STAFF_KEY = ['staff'] as const;

export const useProgramReport = (communityId: string, month: string) =>
  useQuery({
    queryKey: [...STAFF_KEY, 'report', communityId, month],
    queryFn: () =>
      api<ProgramReport>(
        `/reports/program?${queryOf([
          ['communityId', communityId],
          ['month', month],
        ])}`,
      ),
    enabled: communityId !== '' && month !== '',
  });

export const useCoaches = () =>
  useQuery({ queryKey: [...STAFF_KEY, 'coaches'], queryFn: () => api<CoachesView>('/coaches') });

/** Every provider within the reader's reach, or one coach's caseload. */
export const useProviders = (coachId?: string) =>
  useQuery({
    queryKey: [...STAFF_KEY, 'providers', coachId ?? ''],
    queryFn: () =>
      api<CaseloadList>(coachId === undefined ? '/providers' : `/providers?${queryOf([['coachId', coachId]])}`),
  });

export const useCoachDue = (coachId: string) =>
  useQuery({
    queryKey: [...STAFF_KEY, 'due', coachId],
    queryFn: () => api<DueList>(`/due?${queryOf([['coachId', coachId]])}`),
  });

export const useTeams = () => useQuery({ queryKey: [...STAFF_KEY, 'teams'], queryFn: () => api<TeamsView>('/teams') });

export const useTeam = (teamId: string) =>
  useQuery({
    queryKey: [...STAFF_KEY, 'team', teamId],
    queryFn: () => api<TeamsView>(`/teams/${segment(teamId)}`),
  });

export const useCoachingSystem = () =>
  useQuery({
    queryKey: [...STAFF_KEY, 'coaching-system'],
    queryFn: () => api<CoachingSystemView>('/coaching-system'),
  });
