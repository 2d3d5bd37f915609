import type { CaseloadList, CyclesView, DueList, TimelineView } from '@coachline/projections';
import { useQuery } from '@tanstack/react-query';
import { api, segment } from '../../api/client';

/** What `GET /providers/:id/debriefs` answers: each debrief's strengths and next steps. */
export interface DebriefsAnswer {
  readonly providerId: string;
  readonly debriefs: ReadonlyArray<{
    readonly observationId: string;
    readonly heldOn: string;
    readonly strengths: ReadonlyArray<string>;
    readonly nextSteps: ReadonlyArray<string>;
  }>;
}

/** What `GET /providers/:id/plans` answers: each action plan's goals and steps. */
export interface PlansAnswer {
  readonly providerId: string;
  readonly actionPlans: ReadonlyArray<{
    readonly actionPlanId: string;
    readonly setOn: string;
    readonly goals: ReadonlyArray<{
      readonly goalId: string;
      readonly practice: string;
      readonly description: string;
      readonly achievedOn: string | null;
    }>;
    readonly steps: ReadonlyArray<string>;
  }>;
}

/** A session of `GET /providers/:id/coaching-log`, as it stands after its corrections. */
export interface LoggedSession {
  readonly sessionId: string;
  readonly heldOn: string;
  readonly durationMinutes: number;
  readonly kind: string;
  readonly mode: string;
  readonly practices: ReadonlyArray<string>;
  readonly strategies: ReadonlyArray<string>;
  readonly summary: string | null;
  readonly nextSteps: ReadonlyArray<string>;
}

export interface CoachingLogAnswer {
  readonly providerId: string;
  readonly sessions: ReadonlyArray<LoggedSession>;
}

/** Every read of a provider starts with this key, so a command sent about them renews them all. */
export const providerKey = (providerId: string) => ['provider', providerId] as const;

export const useCaseload = () => useQuery({ queryKey: ['caseload'], queryFn: () => api<CaseloadList>('/providers') });

export const useDue = () => useQuery({ queryKey: ['due'], queryFn: () => api<DueList>('/due') });

const providerRead = <A>(providerId: string, name: string, path: string) =>
  useQuery({ queryKey: [...providerKey(providerId), name], queryFn: () => api<A>(path) });

export const useTimeline = (providerId: string) =>
  providerRead<TimelineView>(providerId, 'timeline', `/providers/${segment(providerId)}/timeline`);

export const useCycles = (providerId: string) =>
  providerRead<CyclesView>(providerId, 'cycles', `/views/cycles?providerId=${encodeURIComponent(providerId)}`);

export const usePlans = (providerId: string) =>
  providerRead<PlansAnswer>(providerId, 'plans', `/providers/${segment(providerId)}/plans`);

export const useDebriefs = (providerId: string) =>
  providerRead<DebriefsAnswer>(providerId, 'debriefs', `/providers/${segment(providerId)}/debriefs`);

export const useCoachingLog = (providerId: string) =>
  providerRead<CoachingLogAnswer>(providerId, 'coaching-log', `/providers/${segment(providerId)}/coaching-log`);
