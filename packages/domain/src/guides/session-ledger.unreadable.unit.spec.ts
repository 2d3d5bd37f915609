import { sessionLoggedEvent } from '../provider/provider.fixtures';
import { DomainEvent } from '../kernel/decider';
import { emptyTable } from '../kernel/table';
import { countedFieldsOnly, countedMinutesByMonth, ProviderSessions, recordSessionEvent } from './session-ledger';

const counted = ['coaching-conversation', 'observation', 'debrief'] as const;

describe('the session ledger given session events it cannot read', () => {
  it('folds an event without readable data into nothing, whoever calls it', () => {
    const sessions: ProviderSessions = emptyTable();
    for (const data of [null, 'p-1', ['p-1', 's-1'], { providerId: 'p-1' }])
      recordSessionEvent(sessions, { type: 'SessionLogged', data } as DomainEvent, 0, countedFieldsOnly);
    expect(Object.keys(sessions)).toEqual([]);
  });

  it('takes a logged session missing a field the rule counts with for nothing, and a later full log of its id counts', () => {
    const full = sessionLoggedEvent('s-1', '2025-09-10', 90);
    const { durationMinutes: _, ...withoutMinutes } = full.data as Record<string, unknown>;
    const history: DomainEvent[] = [{ type: 'SessionLogged', data: withoutMinutes }, full];
    expect([...countedMinutesByMonth(history.slice(0, 1), [...counted])]).toEqual([]);
    expect([...countedMinutesByMonth(history, [...counted])]).toEqual([['2025-09', 90]]);
  });
});
