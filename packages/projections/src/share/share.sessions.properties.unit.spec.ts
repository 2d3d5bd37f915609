import fc from 'fast-check';
import { RecordedEvent, withoutPrototypes } from '@coachline/domain';
import { foldHistory, render, viewOf } from '../fold';
import { sharedStateOf, stateAssembly, subjectEntriesOf } from '../subjects';
import { at, enrollment, historyBuilder } from '../testing';
import { sessionData } from '../testing/fixtures';
import { shareProjection } from './share.projection';
import { SharedSession, ShareView } from './share.view';

/**
 * The share keeps one small entry per session, and one entry for every voided session. Whatever
 * order logs, corrections, repeats and voids come in, it shows what the rule says given every
 * event: each session as first logged with its corrections applied once each, in order; none
 * ever voided; by the day held, then the order logged.
 */

const sessionIds = fc.constantFrom('s-1', 's-2', 's-3', 's-4');
const days = fc.constantFrom('2025-09-04', '2025-09-05', '2025-10-01');
const minutes = fc.integer({ min: 1, max: 8 }).map((n) => n * 15);

type Act =
  | { readonly type: 'log'; readonly sessionId: string; readonly heldOn: string; readonly minutes: number }
  | {
      readonly type: 'correct';
      readonly sessionId: string;
      readonly heldOn?: string;
      readonly durationMinutes?: number;
    }
  | { readonly type: 'void'; readonly sessionId: string }
  | { readonly type: 'again'; readonly index: number };

const acts: fc.Arbitrary<Act> = fc.oneof(
  fc.record({ type: fc.constant('log' as const), sessionId: sessionIds, heldOn: days, minutes }),
  fc.record(
    { type: fc.constant('correct' as const), sessionId: sessionIds, heldOn: days, durationMinutes: minutes },
    { requiredKeys: ['type', 'sessionId'] },
  ),
  fc.record({ type: fc.constant('void' as const), sessionId: sessionIds }),
  fc.record({ type: fc.constant('again' as const), index: fc.nat() }),
);

const historyOf = (plan: ReadonlyArray<Act>): RecordedEvent[] => {
  const builder = historyBuilder().add('ProviderEnrolled', enrollment('p-017', '2025-09-02'), at('2025-09-02'));
  for (const act of plan) {
    if (act.type === 'log')
      builder.add('SessionLogged', sessionData('p-017', act.sessionId, act.heldOn, act.minutes), at('2025-10-02'));
    else if (act.type === 'correct') {
      const { type: _type, sessionId, ...changes } = act;
      builder.add('SessionCorrected', { providerId: 'p-017', sessionId, changes, reason: 'Fixed.' }, at('2025-10-02'));
    } else if (act.type === 'void')
      builder.add(
        'SessionVoided',
        { providerId: 'p-017', sessionId: act.sessionId, reason: 'Wrong.' },
        at('2025-10-02'),
      );
  }
  const [enrolled, ...recorded] = builder.events();
  // A delivery again of an event already recorded, id and all.
  let next = 0;
  const delivered = plan.flatMap((act): RecordedEvent[] => {
    if (act.type !== 'again') return [recorded[next++]!];
    return next === 0 ? [] : [recorded[act.index % next]!];
  });
  return [enrolled!, ...delivered];
};

/** The rule read straight off the whole history. */
const expectedSessions = (history: ReadonlyArray<RecordedEvent>): SharedSession[] => {
  const logged = new Map<string, { order: number; heldOn: string; durationMinutes: number }>();
  const voided = new Set<string>();
  const applied = new Set<string>();
  history.forEach((event, order) => {
    const data = event.data as unknown as {
      sessionId: string;
      heldOn: string;
      durationMinutes: number;
      changes: { heldOn?: string; durationMinutes?: number };
    };
    if (event.type === 'SessionVoided') voided.add(data.sessionId);
    else if (event.type === 'SessionLogged' && !logged.has(data.sessionId))
      logged.set(data.sessionId, { order, heldOn: data.heldOn, durationMinutes: data.durationMinutes });
    else if (event.type === 'SessionCorrected' && logged.has(data.sessionId) && !applied.has(event.id)) {
      applied.add(event.id);
      logged.set(data.sessionId, { ...logged.get(data.sessionId)!, ...data.changes });
    }
  });
  return [...logged]
    .filter(([sessionId]) => !voided.has(sessionId))
    .map(([, session]) => session)
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.order - b.order))
    .map(({ heldOn, durationMinutes }) => ({ heldOn, durationMinutes }));
};

const query = { asOf: at('2025-12-01') };

describe('the share’s sessions, kept one small entry each', () => {
  it('are what the rule gives from every event, in any order of logs, corrections, repeats and voids', () =>
    fc.assert(
      fc.property(fc.array(acts, { maxLength: 24 }), (plan) => {
        const history = historyOf(plan);
        const view = viewOf<ShareView>(shareProjection, history, query);
        expect(view.providers[0]!.sessions).toEqual(expectedSessions(history));
      }),
    ));

  it('read the same once stored entry by entry and loaded back', () =>
    fc.assert(
      fc.property(fc.array(acts, { maxLength: 24 }), (plan) => {
        const history = historyOf(plan);
        const folded = foldHistory(shareProjection, history);
        const assembly = stateAssembly(
          shareProjection,
          withoutPrototypes(JSON.parse(JSON.stringify(sharedStateOf(shareProjection, folded.state)))),
        );
        for (const [table, id, entry] of subjectEntriesOf(shareProjection, folded.state))
          assembly.add(table, id, withoutPrototypes(JSON.parse(JSON.stringify(entry))));
        const reloaded = { ...folded, state: assembly.state() };
        expect(JSON.stringify(render(shareProjection, reloaded, query))).toBe(
          JSON.stringify(render(shareProjection, folded, query)),
        );
      }),
    ));
});
