import fc from 'fast-check';
import { RecordedEvent, withoutPrototypes } from '@coachline/domain';
import { foldHistory, render, viewOf } from '../fold';
import { sharedStateOf, stateAssembly, subjectEntriesOf } from '../subjects';
import { at, enrollment, historyBuilder } from '../testing';
import { sessionData } from '../testing/fixtures';
import { recordingLagProjection } from './recording-lag.projection';
import { RecordedSession, RecordingLagView } from './recording-lag.view';

const lag = (history: ReadonlyArray<RecordedEvent>, query: { asOf?: string; providerId?: string } = {}) =>
  viewOf<RecordingLagView>(recordingLagProjection, history, query);

const enrolled = () =>
  historyBuilder()
    .add('ProviderEnrolled', enrollment('p-017', '2025-09-02'), at('2025-09-02'))
    .add('ProviderEnrolled', enrollment('p-018', '2025-09-02'), at('2025-09-02'));

describe('recording lag', () => {
  it('gives the days from the day a session was held to the UTC day its log was recorded', () => {
    const history = enrolled()
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-04', 60), at('2025-09-04', '23:59:59.999'))
      .add('SessionLogged', sessionData('p-017', 's-2', '2025-09-05', 45), at('2025-09-12', '00:00:00.000'))
      .events();
    expect(lag(history).sessions).toEqual([
      {
        providerId: 'p-017',
        sessionId: 's-1',
        coachId: 'c-03',
        heldOn: '2025-09-04',
        recordedOn: '2025-09-04',
        lagDays: 0,
        voided: false,
      },
      {
        providerId: 'p-017',
        sessionId: 's-2',
        coachId: 'c-03',
        heldOn: '2025-09-05',
        recordedOn: '2025-09-12',
        lagDays: 7,
        voided: false,
      },
    ]);
  });

  it('measures from the corrected day and coach, from when the log (not the correction) was recorded', () => {
    const history = enrolled()
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-10', 60), at('2025-09-11'))
      .add(
        'SessionCorrected',
        { providerId: 'p-017', sessionId: 's-1', changes: { heldOn: '2025-09-08', coachId: 'c-04' }, reason: 'Fixed.' },
        at('2025-10-20'),
      )
      .events();
    expect(lag(history).sessions[0]).toMatchObject({ heldOn: '2025-09-08', coachId: 'c-04', lagDays: 3 });
  });

  it('flags a voided session, whatever comes after the void', () => {
    const history = enrolled()
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-10', 60), at('2025-09-11'))
      .add('SessionVoided', { providerId: 'p-017', sessionId: 's-1', reason: 'Wrong provider.' }, at('2025-09-12'))
      .add(
        'SessionCorrected',
        { providerId: 'p-017', sessionId: 's-1', changes: { heldOn: '2025-09-01' }, reason: 'Late fix.' },
        at('2025-09-13'),
      )
      .events();
    expect(lag(history).sessions[0]).toMatchObject({ heldOn: '2025-09-10', voided: true });
  });

  it('keeps sessions of one id apart when two providers use it, and shows one provider when asked', () => {
    const history = enrolled()
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-10', 60), at('2025-09-11'))
      .add('SessionLogged', sessionData('p-018', 's-1', '2025-09-10', 60), at('2025-09-15'))
      .events();
    expect(lag(history).sessions.map((s) => [s.providerId, s.lagDays])).toEqual([
      ['p-017', 1],
      ['p-018', 5],
    ]);
    expect(lag(history, { providerId: 'p-018' }).sessions.map((s) => s.providerId)).toEqual(['p-018']);
    expect(lag(history, { providerId: '__proto__' }).sessions).toEqual([]);
  });

  it('leaves out sessions logged after the as-of moment', () => {
    const history = enrolled()
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-10', 60), at('2025-09-11'))
      .add('SessionLogged', sessionData('p-017', 's-2', '2025-09-10', 60), at('2025-10-01'))
      .events();
    expect(lag(history, { asOf: '2025-09-30' }).sessions.map((s) => s.sessionId)).toEqual(['s-1']);
  });

  it('gives one table row per session', () => {
    const history = enrolled()
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-10', 60), at('2025-09-11'))
      .events();
    expect(recordingLagProjection.table(lag(history))).toEqual({
      header: ['providerId', 'sessionId', 'coachId', 'heldOn', 'recordedOn', 'lagDays', 'voided'],
      rows: [['p-017', 's-1', 'c-03', '2025-09-10', '2025-09-11', 1, false]],
    });
  });
});

const sessionIds = fc.constantFrom('s-1', 's-2', 's-3', 'constructor');
const days = fc.constantFrom('2025-09-04', '2025-09-05', '2025-10-01');
const recordedDays = fc.constantFrom('2025-09-05', '2025-09-20', '2025-10-03');

type Act =
  | { readonly type: 'log'; readonly sessionId: string; readonly heldOn: string; readonly on: string }
  | { readonly type: 'correct'; readonly sessionId: string; readonly heldOn: string }
  | { readonly type: 'void'; readonly sessionId: string };

const acts: fc.Arbitrary<Act> = fc.oneof(
  fc.record({ type: fc.constant('log' as const), sessionId: sessionIds, heldOn: days, on: recordedDays }),
  fc.record({ type: fc.constant('correct' as const), sessionId: sessionIds, heldOn: days }),
  fc.record({ type: fc.constant('void' as const), sessionId: sessionIds }),
);

const historyOf = (plan: ReadonlyArray<Act>): RecordedEvent[] => {
  const builder = enrolled();
  for (const act of plan) {
    if (act.type === 'log')
      builder.add('SessionLogged', sessionData('p-017', act.sessionId, act.heldOn, 30), at(act.on));
    else if (act.type === 'correct')
      builder.add(
        'SessionCorrected',
        { providerId: 'p-017', sessionId: act.sessionId, changes: { heldOn: act.heldOn }, reason: 'Fixed.' },
        at('2025-10-04'),
      );
    else
      builder.add(
        'SessionVoided',
        { providerId: 'p-017', sessionId: act.sessionId, reason: 'Wrong.' },
        at('2025-10-04'),
      );
  }
  return builder.events();
};

/** The rule read straight off the plan: first log kept, corrections until a void, a void final. */
const expected = (plan: ReadonlyArray<Act>): RecordedSession[] => {
  const sessions = new Map<string, { heldOn: string; on: string; voided: boolean }>();
  for (const act of plan) {
    const found = sessions.get(act.sessionId);
    if (act.type === 'log' && found === undefined)
      sessions.set(act.sessionId, { heldOn: act.heldOn, on: act.on, voided: false });
    else if (act.type === 'correct' && found !== undefined && !found.voided) found.heldOn = act.heldOn;
    else if (act.type === 'void' && found !== undefined) found.voided = true;
  }
  return [...sessions]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([sessionId, { heldOn, on, voided }]) => ({
      providerId: 'p-017',
      sessionId,
      coachId: 'c-03',
      heldOn,
      recordedOn: on,
      lagDays: Math.round((Date.parse(on) - Date.parse(heldOn)) / 86_400_000),
      voided,
    }));
};

describe('recording lag, whatever the order of logs, corrections and voids', () => {
  it('is what the rule gives', () =>
    fc.assert(
      fc.property(fc.array(acts, { maxLength: 20 }), (plan) => {
        expect(lag(historyOf(plan)).sessions).toEqual(expected(plan));
      }),
    ));

  it('reads the same once stored entry by entry and loaded back', () =>
    fc.assert(
      fc.property(fc.array(acts, { maxLength: 20 }), (plan) => {
        const folded = foldHistory(recordingLagProjection, historyOf(plan));
        const assembly = stateAssembly(
          recordingLagProjection,
          withoutPrototypes(JSON.parse(JSON.stringify(sharedStateOf(recordingLagProjection, folded.state)))),
        );
        for (const [table, id, entry] of subjectEntriesOf(recordingLagProjection, folded.state))
          assembly.add(table, id, withoutPrototypes(JSON.parse(JSON.stringify(entry))));
        const query = { asOf: at('2025-12-01') };
        expect(render(recordingLagProjection, { ...folded, state: assembly.state() }, query)).toEqual(
          render(recordingLagProjection, folded, query),
        );
      }),
    ));
});
