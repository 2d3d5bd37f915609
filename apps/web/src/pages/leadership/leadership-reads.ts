import type { LeadershipCoachingSystemView, LeadershipReport, ShareView } from '@coachline/projections';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const useShare = () => useQuery({ queryKey: ['share'], queryFn: () => api<ShareView>('/views/share') });

/** The communities leadership may ask a report of: the coaching system view names each one. */
export const useCommunities = () =>
  useQuery({
    queryKey: ['coaching-system'],
    queryFn: () => api<LeadershipCoachingSystemView>('/coaching-system'),
    select: (view) => view.communities.map((community) => community.communityId),
  });

export const useLeadershipReport = (communityId: string | undefined, month: string | undefined) =>
  useQuery({
    queryKey: ['report', communityId, month],
    enabled: communityId !== undefined && month !== undefined,
    queryFn: () =>
      api<LeadershipReport>(
        `/reports/program?communityId=${encodeURIComponent(communityId ?? '')}&month=${encodeURIComponent(month ?? '')}`,
      ),
  });
