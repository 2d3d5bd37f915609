import { SessionChanges, SessionCorrected } from '../provider/session-corrected';
import { SessionKind, SessionLogged, SessionLoggedData, SessionMinutes } from '../provider/session-logged';
import { SessionVoided } from '../provider/session-voided';
import { DomainEvent } from '../shared/decider';
import { LocalDate, Month } from '../shared/primitives';
import { entryOf } from '../shared/table';
import { monthOf } from './window';

/** A session as it stands after its corrections, with the position of the event that logged it. */
export type EffectiveSession = SessionLoggedData & { readonly loggedIndex: number };

interface LedgerEntry {
  readonly session?: EffectiveSession;
  readonly voided: boolean;
}

/** Session ids are chosen per provider, so a session is known by both. */
const sessionKey = (data: { providerId: string; sessionId: string }): string => JSON.stringify([data.providerId, data.sessionId]);

const corrected = (session: EffectiveSession, changes: SessionChanges): EffectiveSession => {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return { ...session, ...defined };
};

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
  return typeof providerId === 'string' && typeof sessionId === 'string' ? { ...data, providerId, sessionId } : undefined;
};

const record = (entries: Map<string, LedgerEntry>, event: DomainEvent, index: number): void => {
  const data = sessionOf(event.data);
  if (!data) return;
  const key = sessionKey(data);
  if (event.type === SessionLogged.type && countable(data, false)) {
    const entry = entries.get(key) ?? { voided: false };
    // A session is logged once; a repeated log of the same id adds nothing.
    if (!entry.session) entries.set(key, { ...entry, session: { ...(data as unknown as SessionLoggedData), loggedIndex: index } });
  } else if (event.type === SessionCorrected.type && isFields(data['changes']) && countable(data['changes'], true)) {
    const entry = entries.get(key);
    // A correction of a session not logged yet corrects nothing.
    if (entry?.session) entries.set(key, { ...entry, session: corrected(entry.session, data['changes'] as SessionChanges) });
  } else if (event.type === SessionVoided.type) {
    entries.set(key, { ...(entries.get(key) ?? {}), voided: true });
  }
};

/**
 * The sessions that count for anything, in the order they were logged: each logged session
 * with its corrections applied in order, and none that was ever voided — a void is final,
 * whatever comes before or after it. Events of other types are ignored.
 */
export const effectiveSessions = (events: ReadonlyArray<DomainEvent>): EffectiveSession[] => {
  const entries = new Map<string, LedgerEntry>();
  events.forEach((event, index) => record(entries, event, index));
  return [...entries.values()]
    .flatMap((entry) => (entry.session && !entry.voided ? [entry.session] : []))
    .sort((a, b) => a.loggedIndex - b.loggedIndex);
};

/**
 * The dosage counting rule (rule 1): minutes of the effective sessions whose kind the guide
 * counts, by the calendar month they were held in. A group session counts in full for every
 * provider it was logged for.
 */
export const countedMinutesByMonth = (
  events: ReadonlyArray<DomainEvent>,
  countedKinds: ReadonlyArray<SessionKind>,
): Map<Month, number> => {
  const minutes = new Map<Month, number>();
  for (const session of effectiveSessions(events)) {
    if (!countedKinds.includes(session.kind)) continue;
    const month = monthOf(session.heldOn);
    minutes.set(month, (minutes.get(month) ?? 0) + session.durationMinutes);
  }
  return new Map([...minutes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};
