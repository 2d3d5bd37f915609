import fc from 'fast-check';
import { SessionCorrected } from '../provider/session-corrected';
import { SessionKind, SessionLogged } from '../provider/session-logged';
import { SessionVoided } from '../provider/session-voided';
import { sessionLoggedEvent } from '../provider/provider.fixtures';
import { DomainEvent } from '../kernel/decider';
import { emptyTable } from '../kernel/table';
import { arbitraryFor } from '../testing';
import {
  countedFieldsOnly,
  countedMinutesByMonth,
  effectiveSessions,
  minutesByMonth,
  ProviderSessions,
  SessionEntry,
  recordSessionEvent,
  sessionLedgerOf,
} from './session-ledger';

const counted: SessionKind[] = ['coaching-conversation', 'observation', 'debrief'];

const logged = sessionLoggedEvent;
const corrected = (sessionId: string, changes: object, providerId = 'p-1'): DomainEvent => ({
  type: 'SessionCorrected',
  data: { providerId, sessionId, changes, reason: 'Entered the wrong value.' },
});
const voided = (sessionId: string, providerId = 'p-1'): DomainEvent => ({
  type: 'SessionVoided',
  data: { providerId, sessionId, reason: 'Logged for the wrong provider.' },
});

/** Months in the order the ledger gives them: the order is part of the answer. */
const minutes = (events: DomainEvent[]) => [...countedMinutesByMonth(events, counted)];

describe('session ledger', () => {
  it('sums counted minutes by the calendar month a session was held in', () =>
    expect(
      minutes([logged('s1', '2025-09-30', 90), logged('s2', '2025-10-01', 60), logged('s3', '2025-09-02', 45)]),
    ).toEqual([
      ['2025-09', 135],
      ['2025-10', 60],
    ]));

  it('gives the months in calendar order, whatever order their sessions were logged in', () =>
    expect(
      minutes([
        logged('s1', '2026-01-05', 30),
        logged('s2', '2025-11-04', 20),
        logged('s3', '2025-12-31', 10),
        logged('s4', '2025-09-02', 40),
        corrected('s2', { heldOn: '2026-02-01' }),
      ]),
    ).toEqual([
      ['2025-09', 40],
      ['2025-12', 10],
      ['2026-01', 30],
      ['2026-02', 20],
    ]));

  it('gives the effective sessions in the order they were logged, a void seen first leaving no gap in the order', () =>
    expect(
      effectiveSessions([
        voided('s9'),
        logged('20', '2025-09-12', 30),
        logged('s1', '2025-09-10', 60),
        logged('3', '2025-09-01', 45),
      ]).map((s) => [s.sessionId, s.loggedIndex]),
    ).toEqual([
      ['20', 1],
      ['s1', 2],
      ['3', 3],
    ]));

  it('applies corrections in order, the last value of a field winning', () => {
    const events = [
      logged('s1', '2025-09-10', 30),
      corrected('s1', { durationMinutes: 60 }),
      corrected('s1', { durationMinutes: 45, mode: 'virtual' }),
    ];
    expect(minutes(events)).toEqual([['2025-09', 45]]);
    expect(effectiveSessions(events)[0]).toMatchObject({
      sessionId: 's1',
      durationMinutes: 45,
      mode: 'virtual',
      loggedIndex: 0,
    });
  });

  it('moves a session to the month its corrected date falls in', () =>
    expect(minutes([logged('s1', '2025-09-30', 60), corrected('s1', { heldOn: '2025-10-01' })])).toEqual([
      ['2025-10', 60],
    ]));

  it('stops counting a session corrected to a kind the guide does not count', () =>
    expect(
      minutes([
        logged('s1', '2025-09-10', 60),
        logged('s2', '2025-09-11', 30),
        corrected('s1', { kind: 'consultation' }),
      ]),
    ).toEqual([['2025-09', 30]]));

  it('does not count consultation or other sessions', () =>
    expect(
      minutes([
        logged('s1', '2025-09-10', 60, { kind: 'consultation' }),
        logged('s2', '2025-09-11', 30, { kind: 'other' }),
        logged('s3', '2025-09-12', 20, { kind: 'debrief' }),
        logged('s4', '2025-09-13', 25, { kind: 'observation' }),
      ]),
    ).toEqual([['2025-09', 45]]));

  it('counts a voided session for nothing', () =>
    expect(minutes([logged('s1', '2025-09-10', 60), logged('s2', '2025-09-11', 30), voided('s1')])).toEqual([
      ['2025-09', 30],
    ]));

  it('does not revive a voided session by correcting it afterwards', () =>
    expect(minutes([logged('s1', '2025-09-10', 60), voided('s1'), corrected('s1', { durationMinutes: 90 })])).toEqual(
      [],
    ));

  it('voids a session whose void arrives before its log', () =>
    expect(minutes([voided('s1'), logged('s1', '2025-09-10', 60)])).toEqual([]));

  it('ignores a correction of a session not logged yet', () =>
    expect(minutes([corrected('s1', { durationMinutes: 90 }), logged('s1', '2025-09-10', 60)])).toEqual([
      ['2025-09', 60],
    ]));

  it('takes no log whose day, minutes or kind it cannot read, and counts a later readable log of the same id', () =>
    expect(
      minutes([
        logged('s1', '2025-09-10', 0),
        logged('s2', '2025-09-10', 481),
        logged('s3', '2025-09-10', 60, { kind: 'nap' as SessionKind }),
        logged('s4', '2025-09-31', 60),
        corrected('s3', { kind: 'observation' }),
        logged('s1', '2025-10-02', 20),
      ]),
    ).toEqual([['2025-10', 20]]));

  it('takes no correction with a value it cannot read, even beside readable ones', () =>
    expect(
      minutes([
        logged('s1', '2025-09-10', 60),
        corrected('s1', { durationMinutes: 0 }),
        corrected('s1', { durationMinutes: 90, kind: 'nap' }),
        corrected('s1', { heldOn: '2025-10-10', durationMinutes: '90' }),
        corrected('s1', { heldOn: 'yesterday' }),
      ]),
    ).toEqual([['2025-09', 60]]));

  it('counts a session id once, however often it is logged', () =>
    expect(minutes([logged('s1', '2025-09-10', 60), logged('s1', '2025-09-12', 90)])).toEqual([['2025-09', 60]]));

  it('counts a group session in full for each provider it was logged for', () => {
    const group = [
      logged('g-1', '2025-09-10', 60, { providerId: 'p-1', groupSessionId: 'grp-1' }),
      logged('g-1', '2025-09-10', 60, { providerId: 'p-2', groupSessionId: 'grp-1' }),
      voided('g-1', 'p-2'),
      logged('g-2', '2025-09-10', 60, { providerId: 'p-3', groupSessionId: 'grp-1' }),
    ];
    expect(effectiveSessions(group).map((s) => [s.providerId, s.durationMinutes])).toEqual([
      ['p-1', 60],
      ['p-3', 60],
    ]);
    expect(minutes(group.filter((e) => (e.data as { providerId: string }).providerId === 'p-3'))).toEqual([
      ['2025-09', 60],
    ]);
  });

  it('counts a stored session whatever its ids, as the dosage view does', () => {
    const events = [
      logged('__proto__', '2025-09-10', 60, { providerId: 'constructor' }),
      corrected('__proto__', { durationMinutes: 45 }, 'constructor'),
      logged('toString', '2025-09-11', 30),
    ];
    expect(minutes(events)).toEqual([['2025-09', 75]]);
    expect(minutes([...events, voided('__proto__', 'constructor')])).toEqual([['2025-09', 30]]);
  });

  it('reads the ids a session event holds itself, never ones its data inherits', () => {
    const { providerId, ...own } = logged('s2', '2025-09-11', 30).data as { providerId: string };
    const inherited = Object.assign(Object.create({ providerId }) as object, own);
    expect(minutes([logged('s1', '2025-09-10', 60), { type: 'SessionLogged', data: inherited }])).toEqual([
      ['2025-09', 60],
    ]);
  });

  it('ignores other events and session events it cannot read', () =>
    expect(
      minutes([
        { type: 'FeedbackSent', data: { providerId: 'p-1', sessionId: 's1', sentOn: '2025-09-11' } },
        { type: 'SessionLogged', data: { providerId: 'p-1', sessionId: 's2', heldOn: '2025-09-10' } },
        { type: 'SessionVoided', data: null },
        { type: 'SessionLogged', data: { ...(logged('s1', '2025-09-10', 60).data as object), sessionId: 7 } },
        { type: 'SessionLogged', data: { ...(logged('s1', '2025-09-10', 60).data as object), providerId: undefined } },
        corrected('s1', null as unknown as object),
        logged('s1', '2025-09-10', 60),
        corrected('s1', null as unknown as object),
        corrected('s1', ['durationMinutes', 90]),
      ]),
    ).toEqual([['2025-09', 60]]));

  describe('one provider’s sessions, as a view keeps them', () => {
    const fold = (events: DomainEvent[]): ProviderSessions => {
      const sessions: ProviderSessions = emptyTable();
      events.forEach((event, index) => recordSessionEvent(sessions, event, index, countedFieldsOnly));
      return sessions;
    };

    it('keeps only the day, the minutes and the kind of each session as logged and corrected, and a void beside them', () =>
      expect({
        ...fold([
          logged('s1', '2025-09-10', 60, { summary: 'Talked about transitions.' }),
          logged('s2', '2025-09-11', 30),
          corrected('s1', { durationMinutes: 45, mode: 'virtual' }),
          voided('s2'),
          corrected('s2', { durationMinutes: 50 }),
          voided('s3'),
          corrected('s3', { heldOn: '2025-09-12' }),
          voided('s4'),
          logged('s4', '2025-09-13', 20),
        ]),
      }).toEqual({
        s1: { heldOn: '2025-09-10', durationMinutes: 45, kind: 'coaching-conversation' },
        s2: { heldOn: '2025-09-11', durationMinutes: 50, kind: 'coaching-conversation', voided: true },
        s3: { voided: true },
        s4: { voided: true, heldOn: '2025-09-13', durationMinutes: 20, kind: 'coaching-conversation' },
      }));

    it('keeps the first log of a session id and the minutes it gave', () => {
      const sessions = fold([logged('s1', '2025-09-10', 60), logged('s1', '2025-10-12', 90, { kind: 'observation' })]);
      expect(sessions['s1']).toEqual({ heldOn: '2025-09-10', durationMinutes: 60, kind: 'coaching-conversation' });
      expect([...minutesByMonth(sessions, counted)]).toEqual([['2025-09', 60]]);
    });
  });

  describe('properties', () => {
    // Two providers and two session ids, so that logs, corrections and voids often meet.
    const fewIds = { Id: fc.constantFrom('a', 'b') };
    const sessionEvent = fc.oneof(
      { weight: 3, arbitrary: arbitraryFor(SessionLogged.event, fewIds) },
      { weight: 2, arbitrary: arbitraryFor(SessionCorrected.event, fewIds) },
      { weight: 1, arbitrary: arbitraryFor(SessionVoided.event, fewIds) },
    ) as fc.Arbitrary<DomainEvent>;
    const history = fc.array(sessionEvent, { maxLength: 25 });
    const keyOf = (event: DomainEvent) => {
      const data = event.data as { providerId: string; sessionId: string };
      return `${data.providerId}/${data.sessionId}`;
    };

    it('never counts a voided session, whatever comes before or after its void', () =>
      fc.assert(
        fc.property(
          history,
          fc.constantFrom('a', 'b'),
          fc.constantFrom('a', 'b'),
          fc.nat(),
          (events, providerId, sessionId, at) => {
            const withVoid = [...events];
            withVoid.splice(at % (events.length + 1), 0, voided(sessionId, providerId));
            const without = events.filter((e) => keyOf(e) !== `${providerId}/${sessionId}`);
            expect(minutes(withVoid)).toEqual(minutes(without));
            expect(
              effectiveSessions(withVoid).some((s) => s.providerId === providerId && s.sessionId === sessionId),
            ).toBe(false);
          },
        ),
        { numRuns: 300 },
      ));

    it('gives each provider, folded one event at a time, the minutes the whole list gives for that provider', () =>
      fc.assert(
        fc.property(history, (events) => {
          const ledger = sessionLedgerOf(events);
          for (const providerId of ['a', 'b']) {
            const own = events.filter((e) => (e.data as { providerId: string }).providerId === providerId);
            const sessions = ledger[providerId] ?? emptyTable<SessionEntry>();
            expect([...minutesByMonth(sessions, counted)]).toEqual(minutes(own));
          }
          const total = [...countedMinutesByMonth(events, counted).values()].reduce((sum, m) => sum + m, 0);
          expect(total).toBe(
            effectiveSessions(events)
              .filter((s) => counted.includes(s.kind))
              .reduce((sum, s) => sum + s.durationMinutes, 0),
          );
        }),
        { numRuns: 200 },
      ));

    const otherEvent: fc.Arbitrary<DomainEvent> = fc.record({
      type: fc.constantFrom('FeedbackSent', 'DebriefHeld', 'ProviderExited', 'sessionlogged', 'SessionReviewed'),
      data: fc.oneof(arbitraryFor(SessionLogged.data), arbitraryFor(SessionVoided.data), fc.anything()),
    });

    it('counts the same minutes whatever events of other types are interleaved', () =>
      fc.assert(
        fc.property(history, fc.array(fc.tuple(fc.nat(), otherEvent), { maxLength: 10 }), (events, others) => {
          const mixed = [...events];
          for (const [at, other] of others) mixed.splice(at % (mixed.length + 1), 0, other);
          expect(minutes(mixed)).toEqual(minutes(events));
        }),
      ));
  });
});
