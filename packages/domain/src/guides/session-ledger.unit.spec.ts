import fc from 'fast-check';
import { SessionCorrected } from '../provider/session-corrected';
import { SessionKind, SessionLogged, SessionLoggedData } from '../provider/session-logged';
import { SessionVoided } from '../provider/session-voided';
import { DomainEvent } from '../shared/decider';
import { arbitraryFor } from '../testing';
import { countedMinutesByMonth, effectiveSessions } from './session-ledger';

const counted: SessionKind[] = ['coaching-conversation', 'observation', 'debrief'];

const logged = (sessionId: string, heldOn: string, durationMinutes: number, more: Partial<SessionLoggedData> = {}): DomainEvent => ({
  type: 'SessionLogged',
  data: {
    providerId: 'p-1',
    sessionId,
    coachId: 'c-03',
    heldOn,
    durationMinutes,
    kind: 'coaching-conversation',
    mode: 'in-person',
    agendaUsed: true,
    practices: ['positive-relationships'],
    strategies: ['modeling'],
    ...more,
  },
});
const corrected = (sessionId: string, changes: object, providerId = 'p-1'): DomainEvent => ({
  type: 'SessionCorrected',
  data: { providerId, sessionId, changes, reason: 'Entered the wrong value.' },
});
const voided = (sessionId: string, providerId = 'p-1'): DomainEvent => ({
  type: 'SessionVoided',
  data: { providerId, sessionId, reason: 'Logged for the wrong provider.' },
});

const minutes = (events: DomainEvent[]) => Object.fromEntries(countedMinutesByMonth(events, counted));

describe('session ledger', () => {
  it('sums counted minutes by the calendar month a session was held in', () =>
    expect(minutes([logged('s1', '2025-09-30', 90), logged('s2', '2025-10-01', 60), logged('s3', '2025-09-02', 45)])).toEqual({
      '2025-09': 135,
      '2025-10': 60,
    }));

  it('applies corrections in order, the last value of a field winning', () => {
    const events = [
      logged('s1', '2025-09-10', 30),
      corrected('s1', { durationMinutes: 60 }),
      corrected('s1', { durationMinutes: 45, mode: 'virtual' }),
    ];
    expect(minutes(events)).toEqual({ '2025-09': 45 });
    expect(effectiveSessions(events)[0]).toMatchObject({ sessionId: 's1', durationMinutes: 45, mode: 'virtual', loggedIndex: 0 });
  });

  it('moves a session to the month its corrected date falls in', () =>
    expect(minutes([logged('s1', '2025-09-30', 60), corrected('s1', { heldOn: '2025-10-01' })])).toEqual({ '2025-10': 60 }));

  it('stops counting a session corrected to a kind the guide does not count', () =>
    expect(minutes([logged('s1', '2025-09-10', 60), logged('s2', '2025-09-11', 30), corrected('s1', { kind: 'consultation' })])).toEqual({
      '2025-09': 30,
    }));

  it('does not count consultation or other sessions', () =>
    expect(
      minutes([
        logged('s1', '2025-09-10', 60, { kind: 'consultation' }),
        logged('s2', '2025-09-11', 30, { kind: 'other' }),
        logged('s3', '2025-09-12', 20, { kind: 'debrief' }),
        logged('s4', '2025-09-13', 25, { kind: 'observation' }),
      ]),
    ).toEqual({ '2025-09': 45 }));

  it('counts a voided session for nothing', () =>
    expect(minutes([logged('s1', '2025-09-10', 60), logged('s2', '2025-09-11', 30), voided('s1')])).toEqual({ '2025-09': 30 }));

  it('does not revive a voided session by correcting it afterwards', () =>
    expect(minutes([logged('s1', '2025-09-10', 60), voided('s1'), corrected('s1', { durationMinutes: 90 })])).toEqual({}));

  it('voids a session whose void arrives before its log', () =>
    expect(minutes([voided('s1'), logged('s1', '2025-09-10', 60)])).toEqual({}));

  it('ignores a correction of a session not logged yet', () =>
    expect(minutes([corrected('s1', { durationMinutes: 90 }), logged('s1', '2025-09-10', 60)])).toEqual({ '2025-09': 60 }));

  it('counts a session id once, however often it is logged', () =>
    expect(minutes([logged('s1', '2025-09-10', 60), logged('s1', '2025-09-12', 90)])).toEqual({ '2025-09': 60 }));

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
    expect(minutes(group.filter((e) => (e.data as { providerId: string }).providerId === 'p-3'))).toEqual({ '2025-09': 60 });
  });

  it('counts a stored session whatever its ids, as the dosage view does', () => {
    const events = [logged('__proto__', '2025-09-10', 60, { providerId: 'constructor' }), corrected('__proto__', { durationMinutes: 45 }, 'constructor'), logged('toString', '2025-09-11', 30)];
    expect(minutes(events)).toEqual({ '2025-09': 75 });
    expect(minutes([...events, voided('__proto__', 'constructor')])).toEqual({ '2025-09': 30 });
  });

  it('ignores other events and session events it cannot read', () =>
    expect(
      minutes([
        { type: 'FeedbackSent', data: { providerId: 'p-1', sessionId: 's1', sentOn: '2025-09-11' } },
        { type: 'SessionLogged', data: { providerId: 'p-1', sessionId: 's2', heldOn: '2025-09-10' } },
        { type: 'SessionVoided', data: null },
        logged('s1', '2025-09-10', 60),
      ]),
    ).toEqual({ '2025-09': 60 }));

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
        fc.property(history, fc.constantFrom('a', 'b'), fc.constantFrom('a', 'b'), fc.nat(), (events, providerId, sessionId, at) => {
          const withVoid = [...events];
          withVoid.splice(at % (events.length + 1), 0, voided(sessionId, providerId));
          const without = events.filter((e) => keyOf(e) !== `${providerId}/${sessionId}`);
          expect(countedMinutesByMonth(withVoid, counted)).toEqual(countedMinutesByMonth(without, counted));
          expect(effectiveSessions(withVoid).some((s) => s.providerId === providerId && s.sessionId === sessionId)).toBe(false);
        }),
        { numRuns: 300 },
      ));

    const otherEvent: fc.Arbitrary<DomainEvent> = fc.record({
      type: fc.constantFrom('FeedbackSent', 'DebriefHeld', 'ProviderExited', 'sessionlogged'),
      data: fc.oneof(arbitraryFor(SessionLogged.data), arbitraryFor(SessionVoided.data), fc.anything()),
    });

    it('counts the same minutes whatever events of other types are interleaved', () =>
      fc.assert(
        fc.property(history, fc.array(fc.tuple(fc.nat(), otherEvent), { maxLength: 10 }), (events, others) => {
          const mixed = [...events];
          for (const [at, other] of others) mixed.splice(at % (mixed.length + 1), 0, other);
          expect(countedMinutesByMonth(mixed, counted)).toEqual(countedMinutesByMonth(events, counted));
        }),
      ));
  });
});
