import { compareText, sortedBy } from '../ordering';
import { ViewQuery, ViewTable } from '../projection';
import { ProviderShare, ProviderShareLedger, ShareState, ShareView } from './share.view';

/** Each provider's agreements, in id order. */
const agreementsByProvider = (state: ShareState): Map<string, string[]> => {
  const byProvider = new Map<string, string[]>();
  for (const agreementId of Object.keys(state.agreements).sort(compareText)) {
    const providerId = state.agreements[agreementId]!.providerId;
    if (providerId === undefined) continue;
    const agreements = byProvider.get(providerId) ?? [];
    agreements.push(agreementId);
    byProvider.set(providerId, agreements);
  }
  return byProvider;
};

const providerShare = (
  state: ShareState,
  providerId: string,
  ledger: ProviderShareLedger,
  agreements: ReadonlyArray<string>,
): ProviderShare => {
  const sessions = ledger.sessions.entries.flatMap((s) =>
    s.voided || s.heldOn === undefined || s.durationMinutes === undefined || s.order === undefined
      ? []
      : [{ heldOn: s.heldOn, durationMinutes: s.durationMinutes, order: s.order }],
  );
  return {
    providerId,
    practiceLists: agreements.map((agreementId) => ({
      agreementId,
      practices: [...state.agreements[agreementId]!.practices],
    })),
    goals: ledger.goals.map((g) => ({
      goalId: g.goalId,
      practice: g.practice,
      description: g.description,
      achieved: ledger.achievedGoalIds.includes(g.goalId),
    })),
    sessions: sortedBy(
      sessions,
      (s) => s.heldOn,
      (s) => s.order,
    ).map((s) => ({ heldOn: s.heldOn, durationMinutes: s.durationMinutes })),
    completedCycles: agreements.reduce(
      (sum, agreementId) => sum + state.agreements[agreementId]!.cycleNumbers.length,
      0,
    ),
  };
};

/** Every enrolled provider's share as of `query.asOf`, sessions by the day they were held. */
export const renderShare = (state: ShareState, query: ViewQuery): ShareView => {
  const agreements = agreementsByProvider(state);
  return {
    asOf: query.asOf,
    providers: Object.keys(state.providers)
      .sort(compareText)
      .filter(
        (providerId) =>
          state.providers[providerId]!.enrolled && (query.providerId === undefined || providerId === query.providerId),
      )
      .map((providerId) =>
        providerShare(state, providerId, state.providers[providerId]!, agreements.get(providerId) ?? []),
      ),
  };
};

/** One row per practice list, goal and session, and one with the number of completed cycles. */
export const shareTable = (view: ShareView): ViewTable => ({
  header: [
    'providerId',
    'record',
    'id',
    'practices',
    'description',
    'achieved',
    'heldOn',
    'durationMinutes',
    'completedCycles',
  ],
  rows: view.providers.flatMap((p) => [
    ...p.practiceLists.map((l) => [
      p.providerId,
      'practice-list',
      l.agreementId,
      l.practices.join(';'),
      null,
      null,
      null,
      null,
      null,
    ]),
    ...p.goals.map((g) => [p.providerId, 'goal', g.goalId, g.practice, g.description, g.achieved, null, null, null]),
    ...p.sessions.map((s) => [p.providerId, 'session', null, null, null, null, s.heldOn, s.durationMinutes, null]),
    [p.providerId, 'cycles', null, null, null, null, null, null, p.completedCycles],
  ]),
});
