import { RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, enrollment, historyBuilder } from '../testing';
import { sessionData } from '../testing/fixtures';
import { shareProjection } from './share.projection';
import { ProviderShare, ShareView } from './share.view';

const provider = (events: ReadonlyArray<RecordedEvent>): ProviderShare => {
  const found = viewOf<ShareView>(shareProjection, events, { asOf: at('2025-12-01') }).providers.find(
    (p) => p.providerId === 'p-017',
  );
  if (!found) throw new Error('p-017 is not in the share');
  return found;
};

const drafted = (agreementId: string, practices: string[]) => ({
  agreementId,
  providerId: 'p-017',
  coachId: 'c-03',
  practices,
  visitMode: 'in-person' as const,
  estimatedCycles: 6,
  cadence: 'every-two-weeks' as const,
});

const enrolled = () => historyBuilder().add('ProviderEnrolled', enrollment('p-017', '2025-09-02'), at('2025-09-02'));

describe('the order of what the share lists', () => {
  it('lists a provider’s practice lists by agreement id, whatever order they were drafted in', () => {
    const history = enrolled()
      .add('AgreementDrafted', drafted('ag-2', ['transitions']), at('2025-09-03'))
      .add('AgreementDrafted', drafted('ag-1', ['visual-schedules']), at('2025-09-04'))
      .events();
    expect(provider(history).practiceLists).toEqual([
      { agreementId: 'ag-1', practices: ['visual-schedules'] },
      { agreementId: 'ag-2', practices: ['transitions'] },
    ]);
  });

  it('keeps same-day sessions in logged order when voids of sessions never logged come between them', () => {
    const history = enrolled()
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-10', 30), at('2025-09-10'))
      .add('SessionLogged', sessionData('p-017', 's-2', '2025-09-10', 45), at('2025-09-10'))
      .add('SessionVoided', { providerId: 'p-017', sessionId: 's-8', reason: 'Logged elsewhere.' }, at('2025-09-10'))
      .add('SessionVoided', { providerId: 'p-017', sessionId: 's-9', reason: 'Logged elsewhere.' }, at('2025-09-10'))
      .add('SessionLogged', sessionData('p-017', 's-3', '2025-09-10', 60), at('2025-09-10'))
      .events();
    expect(provider(history).sessions.map((s) => s.durationMinutes)).toEqual([30, 45, 60]);
  });
});

describe('the share of a provider with nothing recorded but their enrollment', () => {
  it('lists no practice list, goal, session or cycle', () => {
    expect(provider(enrolled().events())).toEqual({
      providerId: 'p-017',
      practiceLists: [],
      goals: [],
      sessions: [],
      completedCycles: 0,
    });
  });
});
