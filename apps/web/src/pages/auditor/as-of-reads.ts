import type { CyclesView, DosageView, ProgramReport, TimelineView } from '@coachline/projections';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ApiRefusal } from '../../api/client';
import type { SignedCheckpoint } from './checkpoint-key';
import { asOfPaths, monthOfMoment } from './as-of-paths';

// Moving the slider keeps the last answer on screen until the next one arrives.
const asOfRead = <A>(key: ReadonlyArray<string>, path: string) =>
  useQuery({ queryKey: ['as-of', ...key], queryFn: () => api<A>(path), placeholderData: keepPreviousData });

export const useTimelineAsOf = (providerId: string, asOf: string) =>
  asOfRead<TimelineView>(['timeline', providerId, asOf], asOfPaths.timeline(providerId, asOf));

export const useDosageAsOf = (providerId: string, asOf: string) =>
  asOfRead<DosageView>(['dosage', providerId, asOf], asOfPaths.dosage(providerId, asOf));

export const useCyclesAsOf = (providerId: string, asOf: string) =>
  asOfRead<CyclesView>(['cycles', providerId, asOf], asOfPaths.cycles(providerId, asOf));

export const useReportAsOf = (communityId: string, asOf: string) => {
  const month = monthOfMoment(asOf);
  return asOfRead<ProgramReport>(['report', communityId, month, asOf], asOfPaths.report(communityId, month, asOf));
};

/** What `GET /integrity` answers: the store's head position and the chain hash of the event there. */
export interface IntegrityAnswer {
  readonly position: number;
  readonly head: string | null;
  readonly events: number;
}

export const useIntegrity = () =>
  useQuery({ queryKey: ['integrity'], queryFn: () => api<IntegrityAnswer>('/integrity') });

/** The latest signed checkpoint (`null` before the first) and every verifier key the store published. */
export const useLatestCheckpoint = () =>
  useQuery({
    queryKey: ['checkpoints', 'latest'],
    queryFn: async () => {
      const [latest, published] = await Promise.all([
        api<SignedCheckpoint>('/checkpoints/latest').catch((error: unknown) => {
          if (error instanceof ApiRefusal && error.status === 404) return null;
          throw error;
        }),
        api<{ keys: string[] }>('/checkpoints/keys'),
      ]);
      return { latest, keys: published.keys };
    },
  });
