import fc from 'fast-check';
import { corrected as correctedAsWritten } from '../provider/provider.state';
import { SessionChanges, SessionCorrected } from '../provider/session-corrected';
import { SessionKind, SessionLogged, SessionMinutes } from '../provider/session-logged';
import { SessionVoided } from '../provider/session-voided';
import { DomainEvent } from '../kernel/decider';
import { LocalDate, Month } from '../kernel/primitives';
import { emptyTable, entryOf, withoutPrototypes } from '../kernel/table';
import { arbitraryFor } from '../testing';
import {
  countedFieldsInOrder,
  countedFieldsOnly,
  countedMinutesByMonth,
  effectiveSessions,
  IndexedSession,
  KeptFields,
  minutesByMonth,
  ProviderSessions,
  recordSessionEvent,
  sessionLedgerOf,
} from './session-ledger';
import { monthOf } from './window';

// The rule as first written: every session event copied whole before its fields were read, and
// every log copied whole again for the keeper. The fold that copies no more than it keeps must
// leave every table, entry and field order exactly as this one did.
type Fields = Record<string, unknown>;
const isFields = (u: unknown): u is Fields => typeof u === 'object' && u !== null && !Array.isArray(u);
const COUNTED: ReadonlyArray<readonly [string, { is: (u: unknown) => boolean }]> = [
  ['heldOn', LocalDate],
  ['durationMinutes', SessionMinutes],
  ['kind', SessionKind],
];
const countableAsWritten = (fields: Fields, presentOnly: boolean) =>
  COUNTED.every(([field, codec]) => {
    const value = entryOf(fields, field);
    return (presentOnly && value === undefined) || codec.is(value);
  });
const sessionAsWritten = (data: unknown) => {
  if (!isFields(data)) return undefined;
  const [providerId, sessionId] = [entryOf(data, 'providerId'), entryOf(data, 'sessionId')];
  return typeof providerId === 'string' && typeof sessionId === 'string'
    ? ({ ...data, providerId, sessionId } as Fields & { providerId: string; sessionId: string })
    : undefined;
};
const wholeAsWritten = (session: IndexedSession) => session;
const recordAsWritten = (sessions: Fields, event: DomainEvent, index: number, keep: (s: never) => object) => {
  const data = sessionAsWritten(event.data);
  if (!data) return;
  const entry = entryOf(sessions, data.sessionId) as Fields | undefined;
  const logged = entry?.['heldOn'] !== undefined;
  if (event.type === 'SessionLogged') {
    if (!logged && countableAsWritten(data, false))
      sessions[data.sessionId] = { ...entry, ...keep({ ...data, loggedIndex: index } as never) };
  } else if (event.type === 'SessionCorrected') {
    const changes = data['changes'];
    if (logged && isFields(changes) && countableAsWritten(changes, true)) {
      const { voided, ...session } = entry!;
      const kept = keep(correctedAsWritten(session, changes as SessionChanges) as never);
      sessions[data.sessionId] = voided ? { ...kept, voided } : kept;
    }
  } else if (event.type === 'SessionVoided') sessions[data.sessionId] = { ...entry, voided: true };
};
const ledgerAsWritten = (events: ReadonlyArray<DomainEvent>, keep: (s: never) => object) => {
  const ledger: Record<string, Fields> = emptyTable();
  events.forEach((event, index) => {
    const data = sessionAsWritten(event.data);
    if (data) recordAsWritten((ledger[data.providerId] ??= emptyTable()), event, index, keep);
  });
  return ledger;
};
const standingAsWritten = (sessions: Fields) =>
  Object.values(sessions).filter(
    (entry) => isFields(entry) && entry['heldOn'] !== undefined && !entry['voided'],
  ) as Array<IndexedSession & Fields>;
const minutesAsWritten = (sessions: ReadonlyArray<IndexedSession>, counted: ReadonlyArray<SessionKind>) => {
  const minutes = new Map<Month, number>();
  for (const session of sessions.filter((s) => counted.includes(s.kind)))
    minutes.set(monthOf(session.heldOn), (minutes.get(monthOf(session.heldOn)) ?? 0) + session.durationMinutes);
  return [...minutes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
};
const inLoggedOrderAsWritten = (ledger: Record<string, Fields>) =>
  Object.values(ledger)
    .flatMap(standingAsWritten)
    .sort((a, b) => a.loggedIndex - b.loggedIndex);

/** Tables compared by their JSON, which also holds the order of their keys and of each entry's fields. */
const asStored = (value: unknown) => JSON.stringify(value);

// Few ids, so logs, corrections and voids of one session meet; and data as a store might hold
// it: fields missing or unreadable, changes naming fields no session has, ids Object.prototype carries.
const fewIds = { Id: fc.constantFrom('a', 'b', '__proto__', 'constructor') };
const oddValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.anything(),
  fc.constantFrom('2025-02-30', 0, 481, 'nap'),
);
const oddField = fc.constantFrom('heldOn', 'durationMinutes', 'kind', 'loggedIndex', 'voided', '__proto__', 'mode');
const tampered = (data: Fields, edits: Array<[string, unknown]>): Fields => {
  const copy = JSON.parse(JSON.stringify(data)) as Fields;
  for (const [field, value] of edits)
    Object.defineProperty(copy, field, { value, enumerable: true, writable: true, configurable: true });
  return copy;
};
const edits = fc.array(fc.tuple(oddField, oddValue), { maxLength: 2 });
const eventOf = (arbitrary: fc.Arbitrary<unknown>) => arbitrary as fc.Arbitrary<DomainEvent>;
const loggedEvent = fc
  .tuple(eventOf(arbitraryFor(SessionLogged.event, fewIds)), fc.option(edits, { nil: undefined }))
  .map(([event, odd]) => (odd ? { ...event, data: tampered(event.data as Fields, odd) } : event));
const correctedEvent = fc
  .tuple(eventOf(arbitraryFor(SessionCorrected.event, fewIds)), fc.option(edits, { nil: undefined }))
  .map(([event, odd]) => {
    if (!odd) return event;
    const data = event.data as Fields;
    return { ...event, data: { ...data, changes: tampered(data['changes'] as Fields, odd) } };
  });
const otherEvent = fc.record({
  type: fc.constantFrom('FeedbackSent', 'sessionlogged', 'SessionVoided'),
  data: fc.oneof(arbitraryFor(SessionLogged.data, fewIds), fc.anything()),
});
const sessionEvent = fc.oneof(
  { weight: 4, arbitrary: loggedEvent },
  { weight: 3, arbitrary: correctedEvent },
  { weight: 1, arbitrary: arbitraryFor(SessionVoided.event, fewIds) },
  { weight: 1, arbitrary: otherEvent },
) as fc.Arbitrary<DomainEvent>;
const history = fc.array(sessionEvent, { maxLength: 30 });
const countedKinds = fc.subarray([...SessionKind.values]);

describe('the session ledger, against the rule as first written', () => {
  it('leaves every provider’s table alike, entry by entry and field by field, whatever it keeps', () =>
    fc.assert(
      fc.property(history, countedKinds, (events, counted) => {
        const keepers: Array<[KeptFields<IndexedSession>, (s: never) => object]> = [
          [countedFieldsOnly as KeptFields<IndexedSession>, countedFieldsOnly as (s: never) => object],
          [countedFieldsInOrder, countedFieldsInOrder as (s: never) => object],
        ];
        for (const [keep, keepAsWritten] of keepers) {
          const ledger = sessionLedgerOf(events, keep);
          const written = ledgerAsWritten(events, keepAsWritten);
          expect(asStored(ledger)).toBe(asStored(written));
          for (const providerId of Object.keys(written))
            expect([...minutesByMonth(ledger[providerId]!, counted)]).toEqual(
              minutesAsWritten(standingAsWritten(written[providerId]!), counted),
            );
        }
        expect([...countedMinutesByMonth(events, counted)]).toEqual(
          minutesAsWritten(inLoggedOrderAsWritten(ledgerAsWritten(events, countedFieldsInOrder as never)), counted),
        );
        expect(asStored(effectiveSessions(events))).toBe(
          asStored(inLoggedOrderAsWritten(ledgerAsWritten(events, wholeAsWritten as never))),
        );
      }),
      { numRuns: 1_000 },
    ));

  it('folds alike into a table read back from storage, with no prototype behind its entries', () =>
    fc.assert(
      fc.property(history, history, (before, after) => {
        const stored = withoutPrototypes(JSON.parse(asStored(ledgerAsWritten(before, countedFieldsOnly as never))));
        const written = withoutPrototypes(JSON.parse(asStored(stored))) as Record<string, Fields>;
        const ledger = stored as Record<string, ProviderSessions>;
        after.forEach((event, index) => {
          const data = sessionAsWritten(event.data);
          if (!data) return;
          recordSessionEvent((ledger[data.providerId] ??= emptyTable()), event, index, countedFieldsOnly);
          recordAsWritten((written[data.providerId] ??= emptyTable()), event, index, countedFieldsOnly as never);
        });
        expect(asStored(ledger)).toBe(asStored(written));
      }),
      { numRuns: 500 },
    ));
});
