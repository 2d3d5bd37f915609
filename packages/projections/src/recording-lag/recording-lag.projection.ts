import { emptyTable, type RecordedEvent } from '@coachline/domain';
import { emptyById, entryById, setById } from '../by-id';
import { daysBetween, dayOf } from '../calendar';
import type { Projection } from '../projection';
import { namedIn } from '../subjects';
import { LagEntry, RecordingLagState, RecordingLagView, type RecordedSession } from './recording-lag.view';

const sessionOf = (state: RecordingLagState, providerId: string, sessionId: string): LagEntry | undefined => {
  const sessions = state.providers[providerId];
  return sessions === undefined ? undefined : entryById(sessions, sessionId);
};

const apply = (state: RecordingLagState, event: RecordedEvent): RecordingLagState => {
  switch (event.type) {
    case 'SessionLogged': {
      const { providerId, sessionId, coachId, heldOn } = event.data;
      const sessions = (state.providers[providerId] ??= emptyById());
      // The first log of an id is the one recorded: a later log of the same id cannot move when it was written.
      if (entryById(sessions, sessionId) === undefined)
        setById(sessions, sessionId, { coachId, heldOn, recordedOn: dayOf(event.metadata.recordedAt), voided: false });
      return state;
    }
    case 'SessionCorrected': {
      const { providerId, sessionId, changes } = event.data;
      const entry = sessionOf(state, providerId, sessionId);
      if (entry === undefined || entry.voided) return state;
      if (changes.heldOn !== undefined) entry.heldOn = changes.heldOn;
      if (changes.coachId !== undefined) entry.coachId = changes.coachId;
      return state;
    }
    case 'SessionVoided': {
      const entry = sessionOf(state, event.data.providerId, event.data.sessionId);
      if (entry !== undefined) entry.voided = true;
      return state;
    }
    default:
      return state;
  }
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const render = (state: RecordingLagState, query: { asOf: string; providerId?: string }): RecordingLagView => {
  const providerIds =
    query.providerId === undefined
      ? Object.keys(state.providers).sort(byId)
      : state.providers[query.providerId] === undefined
        ? []
        : [query.providerId];
  const sessions: RecordedSession[] = providerIds.flatMap((providerId) => {
    const { ids, entries } = state.providers[providerId]!;
    return ids.map((sessionId, place) => {
      const { coachId, heldOn, recordedOn, voided } = entries[place]!;
      return { providerId, sessionId, coachId, heldOn, recordedOn, lagDays: daysBetween(heldOn, recordedOn), voided };
    });
  });
  return { asOf: query.asOf, sessions };
};

/**
 * When each session was recorded against when it was held: no other view keeps a session's
 * `recordedAt`. The program report measures coaches' recording lag on it; it is no view readers
 * ask for by name, so it is kept (and verified) with the stored folds only.
 */
export const recordingLagProjection: Projection<RecordingLagState, RecordingLagView> = {
  name: 'recording-lag',
  version: 1,
  eventTypes: ['SessionLogged', 'SessionCorrected', 'SessionVoided'],
  init: () => ({ providers: emptyTable() }),
  apply,
  subjects: { tables: ['providers'], changedBy: (_state, event) => namedIn(event, 'providerId', 'providers') },
  view: render,
  viewCodec: RecordingLagView,
  table: (view) => ({
    header: ['providerId', 'sessionId', 'coachId', 'heldOn', 'recordedOn', 'lagDays', 'voided'],
    rows: view.sessions.map((s) => [s.providerId, s.sessionId, s.coachId, s.heldOn, s.recordedOn, s.lagDays, s.voided]),
  }),
};
