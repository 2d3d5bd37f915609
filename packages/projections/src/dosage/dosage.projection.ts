import { emptyTable, RecordedEvent, SessionKind } from '@coachline/domain';
import { Projection } from '../projection';
import { renderDosage } from './dosage.render';
import { DosageState, DosageView } from './dosage.view';

/** Looks a session up, creating an empty entry so that a void seen first stays final. */
const sessionOf = (state: DosageState, providerId: string, sessionId: string) => {
  const provider = state.providers[providerId];
  if (!provider) return undefined;
  return (provider.sessions[sessionId] ??= {});
};

const apply = (state: DosageState, event: RecordedEvent): DosageState => {
  switch (event.type) {
    case 'ProgramYearStarted':
      state.programYears[event.data.programYearId] = {
        guideId: event.data.guideId,
        startsOn: event.data.startsOn,
        endsOn: event.data.endsOn,
      };
      state.latestGuideId = event.data.guideId;
      return state;
    case 'CoachRegistered':
      state.coaches[event.data.coachId] = true;
      return state;
    case 'ProviderEnrolled':
      state.providers[event.data.providerId] = {
        programYearId: event.data.programYearId,
        coachId: event.data.coachId,
        enrolledOn: event.data.enrolledOn,
        sessions: state.providers[event.data.providerId]?.sessions ?? emptyTable(),
      };
      return state;
    case 'ProviderReassigned': {
      const provider = state.providers[event.data.providerId];
      if (provider) provider.coachId = event.data.toCoachId;
      return state;
    }
    case 'ProviderExited': {
      const provider = state.providers[event.data.providerId];
      if (provider) provider.exitedOn = event.data.on;
      return state;
    }
    case 'SessionLogged': {
      const session = sessionOf(state, event.data.providerId, event.data.sessionId);
      if (session && session.heldOn === undefined) {
        session.heldOn = event.data.heldOn;
        session.durationMinutes = event.data.durationMinutes;
        session.kind = event.data.kind;
      }
      return state;
    }
    case 'SessionCorrected': {
      const session = sessionOf(state, event.data.providerId, event.data.sessionId);
      // A correction of a session never logged has nothing to correct.
      if (!session || session.heldOn === undefined) return state;
      const { heldOn, durationMinutes, kind } = event.data.changes;
      if (heldOn !== undefined) session.heldOn = heldOn;
      if (durationMinutes !== undefined) session.durationMinutes = durationMinutes;
      if (kind !== undefined) session.kind = kind as SessionKind;
      return state;
    }
    case 'SessionVoided': {
      const session = sessionOf(state, event.data.providerId, event.data.sessionId);
      if (session) session.voided = true;
      return state;
    }
    default:
      return state;
  }
};

/** Minutes of coaching per provider per month against the guide's target (INTERFACES.md). */
export const dosageProjection: Projection<DosageState, DosageView> = {
  name: 'dosage',
  version: 1,
  eventTypes: [
    'ProgramYearStarted',
    'CoachRegistered',
    'ProviderEnrolled',
    'ProviderReassigned',
    'ProviderExited',
    'SessionLogged',
    'SessionCorrected',
    'SessionVoided',
  ],
  init: () => ({ programYears: emptyTable(), coaches: emptyTable(), providers: emptyTable() }),
  apply,
  view: renderDosage,
  viewCodec: DosageView,
  table: (view) => ({
    header: ['providerId', 'coachId', 'month', 'minutes', 'targetMinutes', 'status', 'yearToDateMinutes'],
    rows: view.providers.flatMap((p) =>
      p.months.map((m) => [p.providerId, p.coachId, m.month, m.minutes, p.targetMinutes, m.status, p.yearToDateMinutes]),
    ),
  }),
};
