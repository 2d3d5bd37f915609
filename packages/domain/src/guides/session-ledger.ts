import { SessionChanges, SessionCorrected, SessionCorrectedData } from '../provider/session-corrected';
import { SessionKind, SessionLogged, SessionLoggedData } from '../provider/session-logged';
import { SessionVoided, SessionVoidedData } from '../provider/session-voided';
import { DomainEvent } from '../shared/decider';
import { Month } from '../shared/primitives';
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

const record = (entries: Map<string, LedgerEntry>, event: DomainEvent, index: number): void => {
  if (event.type === SessionLogged.type && SessionLoggedData.is(event.data)) {
    const key = sessionKey(event.data);
    const entry = entries.get(key) ?? { voided: false };
    // A session is logged once; a repeated log of the same id adds nothing.
    if (!entry.session) entries.set(key, { ...entry, session: { ...event.data, loggedIndex: index } });
  } else if (event.type === SessionCorrected.type && SessionCorrectedData.is(event.data)) {
    const key = sessionKey(event.data);
    const entry = entries.get(key);
    // A correction of a session not logged yet corrects nothing.
    if (entry?.session) entries.set(key, { ...entry, session: corrected(entry.session, event.data.changes) });
  } else if (event.type === SessionVoided.type && SessionVoidedData.is(event.data)) {
    const key = sessionKey(event.data);
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
