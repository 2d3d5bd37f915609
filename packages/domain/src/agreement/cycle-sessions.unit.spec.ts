import { fold } from '../kernel/decider';
import { enrolled, providerId } from '../provider/provider.fixtures';
import { providerDecider } from '../provider/provider.decider';
import { ProviderEvent } from '../provider/provider.events';
import { CoachingCycleCompletedData } from './coaching-cycle-completed';
import { evolveState } from '../catalogue/decide-command';
import { cycleSessionsRefusal, cycleSessionsRefusalOnState } from './cycle-sessions';

const logged = (sessionId: string, heldOn: string): ProviderEvent => ({
  type: 'SessionLogged',
  data: {
    providerId,
    sessionId,
    coachId: 'c-03',
    heldOn,
    durationMinutes: 60,
    kind: 'coaching-conversation',
    mode: 'in-person',
    agendaUsed: true,
    practices: [],
    strategies: [],
  },
});
const voided = (sessionId: string): ProviderEvent => ({
  type: 'SessionVoided',
  data: { providerId, sessionId, reason: 'Logged twice.' },
});
const cycle = (sessionIds: string[], completedOn = '2025-10-08'): CoachingCycleCompletedData => ({
  agreementId: 'ag-1',
  cycleNumber: 1,
  completedOn,
  sessionIds,
});

/** Given the provider's history, when a cycle names these sessions, then the refusal (or none). */
const judged = (history: ProviderEvent[], completed: CoachingCycleCompletedData) =>
  cycleSessionsRefusal(completed, providerId, fold(providerDecider, history).sessions);

const history = [enrolled, logged('s-1', '2025-09-16'), logged('s-2', '2025-09-25'), logged('s-3', '2025-10-07')];

describe('the sessions a completed cycle names', () => {
  it('accepts sessions logged for the provider and held by the day the cycle was completed', () =>
    expect(judged(history, cycle(['s-1', 's-2', 's-3']))).toBeUndefined());

  it('accepts a session held on the day the cycle was completed', () =>
    expect(judged(history, cycle(['s-3'], '2025-10-07'))).toBeUndefined());

  it('refuses a session never logged for the provider, naming the field and the session', () =>
    expect(judged(history, cycle(['s-1', 's-9']))).toEqual({
      _tag: 'DomainError',
      kind: 'rule-broken',
      code: 'cycle-sessions-not-logged',
      message: `A cycle is made of sessions logged for provider ${providerId}: s-9 (not logged for the provider).`,
      errors: [{ path: 'data.sessionIds', message: 's-9: not logged for the provider' }],
    }));

  it('refuses a voided session', () =>
    expect(judged([...history, voided('s-2')], cycle(['s-1', 's-2']))?.errors).toEqual([
      { path: 'data.sessionIds', message: 's-2: voided' },
    ]));

  it('refuses a session held after the cycle was completed', () =>
    expect(judged(history, cycle(['s-3'], '2025-10-06'))?.errors).toEqual([
      { path: 'data.sessionIds', message: 's-3: held after the cycle was completed' },
    ]));

  it('names every unfit session at once, in the order the cycle gave them', () => {
    const refusal = judged([...history, voided('s-1')], cycle(['s-8', 's-1', 's-2', 's-3'], '2025-10-01'));
    expect(refusal?.errors.map((e) => e.message)).toEqual([
      's-8: not logged for the provider',
      's-1: voided',
      's-3: held after the cycle was completed',
    ]);
    expect(refusal?.message).toContain('s-8 (not logged for the provider), s-1 (voided), s-3 (held after');
  });

  it('refuses every session of a provider with no sessions logged', () =>
    expect(judged([enrolled], cycle(['s-1']))?.code).toBe('cycle-sessions-not-logged'));

  it('reads the sessions from a provider stream’s kept state, and from no other kind', () => {
    expect(cycleSessionsRefusalOnState(cycle(['s-9']), providerId, evolveState('provider', history))?.errors).toEqual([
      { path: 'data.sessionIds', message: 's-9: not logged for the provider' },
    ]);
    expect(() => cycleSessionsRefusalOnState(cycle(['s-1']), providerId, evolveState('agreement', []))).toThrow(
      /provider stream/,
    );
  });
});
