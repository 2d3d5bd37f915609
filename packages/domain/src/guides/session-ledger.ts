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

/** Whether each field the ledger computes with that a correction changes is readable. */
const partlyCountable = (changes: Fields): boolean => {
  const heldOn = entryOf(changes, 'heldOn');
  const durationMinutes = entryOf(changes, 'durationMinutes');
  const kind = entryOf(changes, 'kind');
  return (
    (heldOn === undefined || LocalDate.is(heldOn)) &&
    (durationMinutes === undefined || SessionMinutes.is(durationMinutes)) &&
    (kind === undefined || SessionKind.is(kind))
  );
};

/**
 * The session id of a session event's data, when the data names a provider and a session as
 * text. A recorded session is read as the store holds it. Its ids are only compared, so they are
 * taken as whatever text they were written with (a store may predate the id grammar, and the
 * dosage view counts such sessions too); what the ledger adds up and groups by is checked.
 */
const sessionIdOf = (data: unknown): string | undefined => {
  if (!isFields(data)) return undefined;
  const sessionId = entryOf(data, 'sessionId');
  return typeof entryOf(data, 'providerId') === 'string' && typeof sessionId === 'string' ? sessionId : undefined;
};

/**
 * How much of a session an entry keeps: given what the rule counts with and the position of the
 * event that logged the session (or, once corrected, the session as it stands).
 */
export type KeptFields<S extends CountedSession> = (session: IndexedSession) => S;

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

/**
 * The whole session as stored: only the fields the rule counts with were checked. Only this
 * keeper is given a copy of the whole logged data: a view folds a log per session of the
 * history, and copying every field of each, to keep three, was most of its fold's time.
 */
const wholeSession: KeptFields<EffectiveSession> = (session) => session as unknown as EffectiveSession;

const isLogged = <S extends CountedSession>(
  entry: SessionEntry<S> | undefined,
): entry is S & { readonly voided?: true } => entry?.heldOn !== undefined;

/**
 * Each kind as the codec spells it. A view keeps a kind per session for as long as it runs, and
 * JSON.parse gives every event a copy of a text this long; the entry holds the one shared text.
 */
const KINDS = new Map<SessionKind, SessionKind>(SessionKind.values.map((kind) => [kind, kind]));

const logSession = <S extends CountedSession>(
  sessions: ProviderSessions<S>,
  sessionId: string,
  entry: SessionEntry<S> | undefined,
  data: Fields,
  index: number,
  keep: KeptFields<S>,
): void => {
  // A session is logged once; a repeated log of the same id changes nothing.
  if (isLogged(entry)) return;
  const heldOn = entryOf(data, 'heldOn');
  const durationMinutes = entryOf(data, 'durationMinutes');
  const kind = entryOf(data, 'kind');
  if (!LocalDate.is(heldOn) || !SessionMinutes.is(durationMinutes) || !SessionKind.is(kind)) return;
  const kept =
    keep === (wholeSession as unknown as KeptFields<S>)
      ? keep({ ...(data as unknown as IndexedSession), loggedIndex: index })
      : keep({ heldOn, durationMinutes, kind: KINDS.get(kind) ?? kind, loggedIndex: index });
  // A void seen before the log stays with it, first among the entry's fields.
  sessions[sessionId] = (entry === undefined ? kept : { ...entry, ...kept }) as SessionEntry<S>;
};

/**
 * Folds one session event, at position `index`, into the sessions of the provider it names
 * (the caller finds them: `sessionsOfProvider` for a whole ledger). Like a view's `apply`, it
 * updates the table it is given: the table belongs to whoever folds it. Events of other types,
 * and session events it cannot read, change nothing. It runs for every session event of every
 * replay, so it copies no more of an event than the entry keeps.
 */
export const recordSessionEvent = <S extends CountedSession>(
  sessions: ProviderSessions<S>,
  event: DomainEvent,
  index: number,
  keep: KeptFields<S>,
): void => {
  const { type, data } = event;
  if (type !== SessionLogged.type && type !== SessionCorrected.type && type !== SessionVoided.type) return;
  const sessionId = sessionIdOf(data);
  if (sessionId === undefined) return;
  const fields = data as Fields;
  const entry = entryOf(sessions, sessionId);
  if (type === SessionLogged.type) logSession(sessions, sessionId, entry, fields, index, keep);
  else if (type === SessionCorrected.type) {
    const changes = entryOf(fields, 'changes');
    // A correction of a session not logged yet corrects nothing.
    if (isLogged(entry) && isFields(changes) && partlyCountable(changes)) {
      // Corrected as the decider corrects a session, so the two never disagree on a correction.
      const { voided, ...session } = entry;
      const kept = keep(corrected(session as unknown as IndexedSession, changes as SessionChanges));
      sessions[sessionId] = (voided ? { ...kept, voided } : kept) as SessionEntry<S>;
    }
  } else sessions[sessionId] = { ...entry, voided: true } as SessionEntry<S>;
};

/** The sessions of the provider a session event names, made empty the first time. */
export const sessionsOfProvider = <S extends CountedSession>(
  ledger: SessionLedger<S>,
  event: DomainEvent,
): ProviderSessions<S> | undefined => {
  if (sessionIdOf(event.data) === undefined) return undefined;
  const providerId = (event.data as Fields)['providerId'] as string;
  return (ledger[providerId] ??= emptyTable());
};

/** The sessions that count for anything: logged and never voided, in the order of the table. */
export const standingSessions = <S extends CountedSession>(sessions: ProviderSessions<S>): S[] =>
  Object.values(sessions).flatMap((entry) => (isLogged(entry) && !entry.voided ? [entry as S] : []));

const isCounted =
  (countedKinds: ReadonlyArray<SessionKind>) =>
  (session: CountedSession): boolean =>
    countedKinds.includes(session.kind);

const inMonthOrder = (minutes: Map<Month, number>): Map<Month, number> =>
  new Map([...minutes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Minutes by the calendar month the sessions were held in, months in order. */
const monthlyMinutes = (sessions: ReadonlyArray<CountedSession>): Map<Month, number> => {
  const minutes = new Map<Month, number>();
  for (const session of sessions) {
    const month = monthOf(session.heldOn);
    minutes.set(month, (minutes.get(month) ?? 0) + session.durationMinutes);
  }
  return inMonthOrder(minutes);
};

/** One provider's counted minutes by the calendar month the sessions were held in, months in order. */
export const minutesByMonth = (
  sessions: ProviderSessions,
  countedKinds: ReadonlyArray<SessionKind>,
): Map<Month, number> => {
  // One pass and no list of sessions: a view renders this for every provider it holds.
  const minutes = new Map<Month, number>();
  for (const entry of Object.values(sessions)) {
    if (!isLogged(entry) || entry.voided || !countedKinds.includes(entry.kind)) continue;
    const month = monthOf(entry.heldOn);
    minutes.set(month, (minutes.get(month) ?? 0) + entry.durationMinutes);
  }
  return inMonthOrder(minutes);
};

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
