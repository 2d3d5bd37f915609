import { emptyTable, entryOf, type RecordedEvent } from '@coachline/domain';
import { emptyById, entryById, setById } from '../by-id';
import { dayOf } from '../calendar';
import type { Projection, ViewQuery } from '../projection';
import { namedIn } from '../subjects';
import { coachesTable } from './coaches.table';
import { CoachesState, CoachesView, CoachRow, SessionEntry } from './coaches.view';

const sessionOf = (state: CoachesState, providerId: string, sessionId: string): SessionEntry | undefined => {
  const sessions = entryOf(state.sessions, providerId);
  return sessions === undefined ? undefined : entryById(sessions, sessionId);
};

const apply = (state: CoachesState, event: RecordedEvent): CoachesState => {
  switch (event.type) {
    case 'CoachRegistered': {
      const { coachId, communityId, name, role } = event.data;
      // A second registration is refused by the coach's rules; the first one stands.
      if (entryOf(state.coaches, coachId) === undefined)
        state.coaches[coachId] = { communityId, name, role, qualifications: emptyById() };
      return state;
    }
    case 'CoachQualificationRecorded': {
      const { coachId, qualificationId, credential, pathway, trainingContent, competencies } = event.data;
      const coach = entryOf(state.coaches, coachId);
      if (coach === undefined || entryById(coach.qualifications, qualificationId) !== undefined) return state;
      setById(coach.qualifications, qualificationId, {
        credential,
        pathway: pathway ?? null,
        trainingContent: [...(trainingContent ?? [])],
        competencies: [...(competencies ?? [])],
        recordedOn: dayOf(event.metadata.recordedAt),
        verifiedBy: null,
        verifiedOn: null,
      });
      return state;
    }
    case 'CoachQualificationVerified': {
      const { coachId, qualificationId, verifiedBy, verifiedOn } = event.data;
      const coach = entryOf(state.coaches, coachId);
      const qualification = coach === undefined ? undefined : entryById(coach.qualifications, qualificationId);
      if (qualification === undefined || qualification.verifiedBy !== null) return state;
      qualification.verifiedBy = verifiedBy;
      // Without a day of its own, a verification counts from the day it was recorded.
      qualification.verifiedOn = verifiedOn ?? dayOf(event.metadata.recordedAt);
      return state;
    }
    case 'SessionLogged': {
      const { providerId, sessionId, coachId, durationMinutes } = event.data;
      const sessions = (state.sessions[providerId] ??= emptyById());
      // A session id is logged once; a second log of it is refused and never moves the first.
      if (entryById(sessions, sessionId) === undefined)
        setById(sessions, sessionId, { coachId, minutes: durationMinutes, voided: false });
      return state;
    }
    case 'SessionCorrected': {
      const { providerId, sessionId, changes } = event.data;
      const session = sessionOf(state, providerId, sessionId);
      if (session === undefined || session.voided) return state;
      if (changes.coachId !== undefined) session.coachId = changes.coachId;
      if (changes.durationMinutes !== undefined) session.minutes = changes.durationMinutes;
      return state;
    }
    case 'SessionVoided': {
      const session = sessionOf(state, event.data.providerId, event.data.sessionId);
      if (session !== undefined) session.voided = true;
      return state;
    }
    case 'CoachingFeedbackGiven': {
      const { providerId, surveyId, coachId, rating } = event.data;
      const surveys = (state.feedback[providerId] ??= emptyById());
      if (entryById(surveys, surveyId) === undefined) setById(surveys, surveyId, { coachId, rating });
      return state;
    }
    default:
      return state;
  }
};

const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

interface Effort {
  sessions: number;
  minutes: number;
  surveys: number;
  ratings: number;
}

/** Each coach's sessions, minutes and surveys, over every provider. */
const effortsOf = (state: CoachesState): Map<string, Effort> => {
  const efforts = new Map<string, Effort>();
  const effortOf = (coachId: string): Effort => {
    let effort = efforts.get(coachId);
    if (effort === undefined) efforts.set(coachId, (effort = { sessions: 0, minutes: 0, surveys: 0, ratings: 0 }));
    return effort;
  };
  for (const providerId of Object.keys(state.sessions))
    for (const session of state.sessions[providerId]!.entries) {
      if (session.voided) continue;
      const effort = effortOf(session.coachId);
      effort.sessions += 1;
      effort.minutes += session.minutes;
    }
  for (const providerId of Object.keys(state.feedback))
    for (const survey of state.feedback[providerId]!.entries) {
      const effort = effortOf(survey.coachId);
      effort.surveys += 1;
      effort.ratings += survey.rating;
    }
  return efforts;
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const render = (state: CoachesState, query: ViewQuery): CoachesView => {
  const efforts = effortsOf(state);
  const coaches: CoachRow[] = Object.keys(state.coaches)
    .sort(byId)
    .flatMap((coachId) => {
      const coach = state.coaches[coachId]!;
      if (query.communityId !== undefined && coach.communityId !== query.communityId) return [];
      const qualifications = coach.qualifications.ids.map((qualificationId, place) => {
        const entry = coach.qualifications.entries[place]!;
        return {
          qualificationId,
          ...entry,
          trainingContent: [...entry.trainingContent],
          competencies: [...entry.competencies],
          verified: entry.verifiedBy !== null,
        };
      });
      const { communityId, name, role } = coach;
      const effort = efforts.get(coachId) ?? { sessions: 0, minutes: 0, surveys: 0, ratings: 0 };
      return [
        {
          coachId,
          communityId,
          name,
          role,
          verified: qualifications.some((q) => q.verified),
          qualifications,
          sessions: effort.sessions,
          minutes: effort.minutes,
          hours: oneDecimal(effort.minutes / 60),
          feedbackSurveys: effort.surveys,
          meanRating: effort.surveys === 0 ? null : oneDecimal(effort.ratings / effort.surveys),
        },
      ];
    });
  return { asOf: query.asOf, coaches };
};

/**
 * The coaches a supervisor oversees: who they are and each qualification they hold (credential,
 * pathway, training content, competencies), recorded by the coach and verified by a supervisor;
 * and their efforts: the sessions and hours they held, and their coachees' surveys with the mean
 * rating as the measure of coaching quality. A guide may let only a verified coach take a
 * caseload; this is where a supervisor sees who is.
 */
export const coachesProjection: Projection<CoachesState, CoachesView> = {
  name: 'coaches',
  version: 2,
  eventTypes: [
    'CoachRegistered',
    'CoachQualificationRecorded',
    'CoachQualificationVerified',
    'SessionLogged',
    'SessionCorrected',
    'SessionVoided',
    'CoachingFeedbackGiven',
  ],
  init: () => ({ coaches: emptyTable(), sessions: emptyTable(), feedback: emptyTable() }),
  apply,
  subjects: {
    tables: ['coaches', 'sessions', 'feedback'],
    changedBy: (_state, event) =>
      event.type === 'CoachingFeedbackGiven'
        ? namedIn(event, 'providerId', 'feedback')
        : event.type.startsWith('Session')
          ? namedIn(event, 'providerId', 'sessions')
          : namedIn(event, 'coachId', 'coaches'),
  },
  view: render,
  viewCodec: CoachesView,
  table: coachesTable,
};
