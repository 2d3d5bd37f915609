import { countedFieldsOnly, emptyTable, RecordedEvent, recordSessionEvent } from '@coachline/domain';
import { Projection } from '../projection';
import { namedIn } from '../subjects';
import { renderDosage } from './dosage.render';
import { DosageState, DosageView } from './dosage.view';

/** A provider's sessions are kept once their enrollment is known, as the decider records them. */
const recordSession = (state: DosageState, providerId: string, event: RecordedEvent): DosageState => {
  const provider = state.providers[providerId];
  if (provider) recordSessionEvent(provider.sessions, event, event.position ?? 0, countedFieldsOnly);
  return state;
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
    case 'SessionLogged':
    case 'SessionCorrected':
    case 'SessionVoided':
      return recordSession(state, event.data.providerId, event);
    default:
      return state;
  }
};

/** Minutes of coaching per provider per month against the guide's target (docs/analytics.md lists the views). */
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
  subjects: {
    tables: ['programYears', 'coaches', 'providers'],
    changedBy: (_state, event) =>
      event.type === 'ProgramYearStarted'
        ? namedIn(event, 'programYearId', 'programYears')
        : event.type === 'CoachRegistered'
          ? namedIn(event, 'coachId', 'coaches')
          : namedIn(event, 'providerId', 'providers'),
  },
  view: renderDosage,
  viewCodec: DosageView,
  table: (view) => ({
    header: ['providerId', 'coachId', 'month', 'minutes', 'targetMinutes', 'status', 'yearToDateMinutes'],
    rows: view.providers.flatMap((p) =>
      p.months.map((m) => [
        p.providerId,
        p.coachId,
        m.month,
        m.minutes,
        p.targetMinutes,
        m.status,
        p.yearToDateMinutes,
      ]),
    ),
  }),
};
