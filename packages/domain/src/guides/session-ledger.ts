import { corrected } from '../provider/provider.state';
import { SessionChanges, SessionCorrected } from '../provider/session-corrected';
import { SessionKind, SessionLogged, SessionLoggedData, SessionMinutes } from '../provider/session-logged';
import { SessionVoided } from '../provider/session-voided';
import { DomainEvent } from '../kernel/decider';
import { LocalDate, Month } from '../kernel/primitives';
import { emptyTable, entryOf, Table } from '../kernel/table';
import { monthOf } from './window';

/**
 * The dosage rule (rule 1) in one place: which sessions count toward a provider's monthly
 * minutes. A session is logged once; its corrections apply in order; a void is final, whatever
 * comes before or after it; the guide names the kinds that count; a group session counts in
 * full for every provider it was logged for; minutes count in the calendar month the session
 * was held in. The ledger is a fold, fed one event at a time, so a view can keep it in its
 * stored state and the guide's requirement statuses can build it from a list of events.
 */

/** What the rule counts with: the day, the minutes and the kind of a session. */
export interface CountedSession {
  readonly heldOn: LocalDate;
  readonly durationMinutes: number;
  readonly kind: SessionKind;
}

/** A counted session with the position of the event that logged it, which orders sessions. */
export interface IndexedSession extends CountedSession {
  readonly loggedIndex: number;
}

/** A session as it stands after its corrections, with the position of the event that logged it. */
export type EffectiveSession = SessionLoggedData & IndexedSession;

/**
 * One session id's entry: the fields kept of the session once it is logged (with its
 * corrections), and whether it was voided. A void may arrive before the log; either way it is
 * final.
 */
export type SessionEntry<S extends CountedSession = CountedSession> = Partial<S> & { readonly voided?: true };

/**
 * One provider's sessions, keyed by session id: session ids are chosen per provider. A table,
 * so that a view's stored state can hold it as JSON.
 */
export type ProviderSessions<S extends CountedSession = CountedSession> = Table<SessionEntry<S>>;

/** Every provider's sessions, keyed by provider id. */
export type SessionLedger<S extends CountedSession = IndexedSession> = Table<ProviderSessions<S>>;

type Fields = Readonly<Record<string, unknown>>;

const isFields = (u: unknown): u is Fields => typeof u === 'object' && u !== null && !Array.isArray(u);

/** What the ledger counts with: the day, the minutes and the kind of a session. */
const COUNTED_FIELDS: ReadonlyArray<readonly [string, { is: (u: unknown) => boolean }]> = [
  ['heldOn', LocalDate],
  ['durationMinutes', SessionMinutes],
  ['kind', SessionKind],
];

const countable = (fields: Fields, presentOnly: boolean): boolean =>
  COUNTED_FIELDS.every(([field, codec]) => {
    const value = entryOf(fields, field);
    return (presentOnly && value === undefined) || codec.is(value);
  });

/**
 * A recorded session is read as the store holds it. Its ids are only compared, so they are
 * taken as whatever text they were written with (a store may predate the id grammar, and the
 * dosage view counts such sessions too); what the ledger computes with is checked.
 */
const sessionOf = (data: unknown): (Fields & { providerId: string; sessionId: string }) | undefined => {
  if (!isFields(data)) return undefined;
  const [providerId, sessionId] = [entryOf(data, 'providerId'), entryOf(data, 'sessionId')];
  return typeof providerId === 'string' && typeof sessionId === 'string'
    ? { ...data, providerId, sessionId }
    : undefined;
};

/** How much of a session an entry keeps: given the session as logged or corrected, with its position. */
export type KeptFields<S extends CountedSession> = (session: IndexedSession & Fields) => S;

/** Only what the rule counts with: the shape a view stores. */
export const countedFieldsOnly: KeptFields<CountedSession> = ({ heldOn, durationMinutes, kind }) => ({
  heldOn,
  durationMinutes,
  kind,
});

/** What the rule counts with, and the order the sessions were logged in. */
export const countedFieldsInOrder: KeptFields<IndexedSession> = ({ heldOn, durationMinutes, kind, loggedIndex }) => ({
  heldOn,
  durationMinutes,
  kind,
  loggedIndex,
});

/** The whole session as stored: only the fields the rule counts with were checked. */
const wholeSession: KeptFields<EffectiveSession> = (session) => session as unknown as EffectiveSession;

const isLogged = <S extends CountedSession>(
  entry: SessionEntry<S> | undefined,
): entry is S & { readonly voided?: true } => entry?.heldOn !== undefined;

/**
 * Folds one session event, at position `index`, into the sessions of the provider it names
 * (the caller finds them: `sessionsOfProvider` for a whole ledger). Like a view's `apply`, it
 * updates the table it is given: the table belongs to whoever folds it. Events of other types,
 * and session events it cannot read, change nothing.
 */
export const recordSessionEvent = <S extends CountedSession>(
  sessions: ProviderSessions<S>,
  event: DomainEvent,
  index: number,
  keep: KeptFields<S>,
): void => {
  const data = sessionOf(event.data);
  if (!data) return;
  const entry = entryOf(sessions, data.sessionId);
  if (event.type === SessionLogged.type) {
    // A session is logged once; a repeated log of the same id changes nothing.
    if (!isLogged(entry) && countable(data, false))
      sessions[data.sessionId] = {
        ...entry,
        ...keep({ ...(data as unknown as IndexedSession), loggedIndex: index }),
      } as SessionEntry<S>;
  } else if (event.type === SessionCorrected.type) {
    const changes = data['changes'];
    // A correction of a session not logged yet corrects nothing.
    if (isLogged(entry) && isFields(changes) && countable(changes, true)) {
      const { voided, ...session } = entry;
      const kept = keep(corrected(session as unknown as IndexedSession & Fields, changes as SessionChanges));
      sessions[data.sessionId] = (voided ? { ...kept, voided } : kept) as SessionEntry<S>;
    }
  } else if (event.type === SessionVoided.type) {
    sessions[data.sessionId] = { ...entry, voided: true } as SessionEntry<S>;
  }
};

/** The sessions of the provider a session event names, made empty the first time. */
export const sessionsOfProvider = <S extends CountedSession>(
  ledger: SessionLedger<S>,
  event: DomainEvent,
): ProviderSessions<S> | undefined => {
  const data = sessionOf(event.data);
  if (!data) return undefined;
  return (ledger[data.providerId] ??= emptyTable());
};

/** The sessions that count for anything: logged and never voided, in the order of the table. */
export const standingSessions = <S extends CountedSession>(sessions: ProviderSessions<S>): S[] =>
  Object.values(sessions).flatMap((entry) => (isLogged(entry) && !entry.voided ? [entry as S] : []));

const isCounted =
  (countedKinds: ReadonlyArray<SessionKind>) =>
  (session: CountedSession): boolean =>
    countedKinds.includes(session.kind);

/** Minutes by the calendar month the sessions were held in, months in order. */
const monthlyMinutes = (sessions: ReadonlyArray<CountedSession>): Map<Month, number> => {
  const minutes = new Map<Month, number>();
  for (const session of sessions) {
    const month = monthOf(session.heldOn);
    minutes.set(month, (minutes.get(month) ?? 0) + session.durationMinutes);
  }
  return new Map([...minutes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

/** One provider's counted minutes by the calendar month the sessions were held in, months in order. */
export const minutesByMonth = (
  sessions: ProviderSessions,
  countedKinds: ReadonlyArray<SessionKind>,
): Map<Month, number> => monthlyMinutes(standingSessions(sessions).filter(isCounted(countedKinds)));

/** The ledger of a list of events, each at its position in the list. */
export const sessionLedgerOf = <S extends CountedSession = IndexedSession>(
  events: ReadonlyArray<DomainEvent>,
  keep: KeptFields<S> = countedFieldsInOrder as unknown as KeptFields<S>,
): SessionLedger<S> => {
  const ledger: SessionLedger<S> = emptyTable();
  events.forEach((event, index) => {
    const sessions = sessionsOfProvider(ledger, event);
    if (sessions) recordSessionEvent(sessions, event, index, keep);
  });
  return ledger;
};

/** Every provider's standing sessions, in the order they were logged. */
const inLoggedOrder = <S extends IndexedSession>(ledger: SessionLedger<S>): S[] =>
  Object.values(ledger)
    .flatMap((sessions) => standingSessions(sessions))
    .sort((a, b) => a.loggedIndex - b.loggedIndex);

/** The standing sessions of the kinds a guide counts toward dosage, in the order they were logged. */
export const countedSessions = (ledger: SessionLedger, countedKinds: ReadonlyArray<SessionKind>): IndexedSession[] =>
  inLoggedOrder(ledger).filter(isCounted(countedKinds));

/**
 * The sessions that count for anything, in the order they were logged: each logged session
 * with its corrections applied in order, and none that was ever voided.
 */
export const effectiveSessions = (events: ReadonlyArray<DomainEvent>): EffectiveSession[] =>
  inLoggedOrder(sessionLedgerOf(events, wholeSession));

/**
 * Minutes of the effective sessions whose kind the guide counts, by the calendar month they
 * were held in, months in order. A group session counts in full for every provider it was
 * logged for.
 */
export const countedMinutesByMonth = (
  events: ReadonlyArray<DomainEvent>,
  countedKinds: ReadonlyArray<SessionKind>,
): Map<Month, number> => monthlyMinutes(countedSessions(sessionLedgerOf(events), countedKinds));
