import { emptyTable, entryOf, type RecordedEvent } from '@coachline/domain';
import { emptyById, entryById, setById } from '../by-id';
import { dayOf } from '../calendar';
import type { Projection, ViewQuery } from '../projection';
import { namedIn } from '../subjects';
import { coachesTable } from './coaches.table';
import { CoachesState, CoachesView, CoachRow } from './coaches.view';

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
    default:
      return state;
  }
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const render = (state: CoachesState, query: ViewQuery): CoachesView => {
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
      return [{ coachId, communityId, name, role, verified: qualifications.some((q) => q.verified), qualifications }];
    });
  return { asOf: query.asOf, coaches };
};

/**
 * The coaches a supervisor oversees: who they are and each qualification they hold (credential,
 * pathway, training content, competencies), recorded by the coach and verified by a supervisor.
 * A guide may let only a verified coach take a caseload; this is where a supervisor sees who is.
 */
export const coachesProjection: Projection<CoachesState, CoachesView> = {
  name: 'coaches',
  version: 1,
  eventTypes: ['CoachRegistered', 'CoachQualificationRecorded', 'CoachQualificationVerified'],
  init: () => ({ coaches: emptyTable() }),
  apply,
  subjects: { tables: ['coaches'], changedBy: (_state, event) => namedIn(event, 'coachId', 'coaches') },
  view: render,
  viewCodec: CoachesView,
  table: coachesTable,
};
