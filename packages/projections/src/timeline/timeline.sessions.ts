import { SessionKind } from '@coachline/domain';
import { placeOf } from '../by-id';
import { SessionEntry } from './timeline.view';

/**
 * A subject's sessions by session id, one list per field, each session at its id's place in
 * text order. A view keeps one per session of the history: lists of fields cost a slot a field
 * where an object a session costs a header besides, and lists stay lists when a stored view is
 * read back, where every object becomes a table. A voided session has no day: the rule counts
 * nothing of it, ever again, so nothing else of it is kept.
 */
export interface TimelineSessions {
  readonly ids: string[];
  readonly heldOn: Array<string | null>;
  readonly durationMinutes: number[];
  readonly kinds: Array<SessionKind | null>;
  readonly loggedIndexes: number[];
  readonly loggedEventIds: string[];
}

export const noSessions = (): TimelineSessions => ({
  ids: [],
  heldOn: [],
  durationMinutes: [],
  kinds: [],
  loggedIndexes: [],
  loggedEventIds: [],
});

const VOIDED: SessionEntry = Object.freeze({ voided: true });

const entryAt = (sessions: TimelineSessions, place: number): SessionEntry => {
  const heldOn = sessions.heldOn[place];
  const kind = sessions.kinds[place];
  return heldOn === null || heldOn === undefined || kind === null || kind === undefined
    ? VOIDED
    : {
        heldOn,
        durationMinutes: sessions.durationMinutes[place]!,
        kind,
        loggedIndex: sessions.loggedIndexes[place]!,
        loggedEventId: sessions.loggedEventIds[place]!,
      };
};

/** The ledger's entry of a session, as the domain's session ledger reads it. */
export const sessionEntryOf = (sessions: TimelineSessions, sessionId: string): SessionEntry | undefined => {
  const place = placeOf(sessions.ids, sessionId);
  return place < 0 ? undefined : entryAt(sessions, place);
};

/** Keeps the ledger's entry of a session in place of any it had. */
export const keepSessionEntry = (sessions: TimelineSessions, sessionId: string, entry: SessionEntry): void => {
  const standing = !entry.voided && entry.heldOn !== undefined && entry.kind !== undefined;
  const heldOn = standing ? entry.heldOn! : null;
  const durationMinutes = standing ? (entry.durationMinutes ?? 0) : 0;
  const kind = standing ? entry.kind! : null;
  const loggedIndex = standing ? (entry.loggedIndex ?? 0) : 0;
  const loggedEventId = standing ? (entry.loggedEventId ?? '') : '';
  const found = placeOf(sessions.ids, sessionId);
  if (found >= 0) {
    sessions.heldOn[found] = heldOn;
    sessions.durationMinutes[found] = durationMinutes;
    sessions.kinds[found] = kind;
    sessions.loggedIndexes[found] = loggedIndex;
    sessions.loggedEventIds[found] = loggedEventId;
  } else if (-found - 1 === sessions.ids.length) {
    // Ids mostly come in order (a provider's sessions are numbered as they are logged): a new one then goes at the end.
    sessions.ids.push(sessionId);
    sessions.heldOn.push(heldOn);
    sessions.durationMinutes.push(durationMinutes);
    sessions.kinds.push(kind);
    sessions.loggedIndexes.push(loggedIndex);
    sessions.loggedEventIds.push(loggedEventId);
  } else {
    const place = -found - 1;
    sessions.ids.splice(place, 0, sessionId);
    sessions.heldOn.splice(place, 0, heldOn);
    sessions.durationMinutes.splice(place, 0, durationMinutes);
    sessions.kinds.splice(place, 0, kind);
    sessions.loggedIndexes.splice(place, 0, loggedIndex);
    sessions.loggedEventIds.splice(place, 0, loggedEventId);
  }
};

/** A session logged and never voided, as the guide's ledger would have logged it: the event that did, and the session as corrected. */
export interface StandingSession {
  readonly sessionId: string;
  readonly heldOn: string;
  readonly durationMinutes: number;
  readonly kind: SessionKind;
  readonly loggedIndex: number;
  readonly loggedEventId: string;
}

/** Each session logged and never voided, in the order of the ids. */
export const standingSessions = (sessions: TimelineSessions): StandingSession[] => {
  const standing: StandingSession[] = [];
  sessions.ids.forEach((sessionId, place) => {
    const heldOn = sessions.heldOn[place];
    const kind = sessions.kinds[place];
    if (heldOn === null || heldOn === undefined || kind === null || kind === undefined) return;
    standing.push({
      sessionId,
      heldOn,
      durationMinutes: sessions.durationMinutes[place]!,
      kind,
      loggedIndex: sessions.loggedIndexes[place]!,
      loggedEventId: sessions.loggedEventIds[place]!,
    });
  });
  return standing;
};
