import type { ViewTable } from '../projection';
import type { CoachesView } from './coaches.view';

/** One row per qualification, and one for a coach with none, so every coach shows in the table. */
export const coachesTable = (view: CoachesView): ViewTable => ({
  header: [
    'coachId',
    'name',
    'communityId',
    'role',
    'coachVerified',
    'sessions',
    'hours',
    'feedbackSurveys',
    'meanRating',
    'qualificationId',
    'credential',
    'pathway',
    'trainingContent',
    'competencies',
    'recordedOn',
    'verified',
    'verifiedBy',
    'verifiedOn',
  ],
  rows: view.coaches.flatMap((coach) => {
    const who = [
      coach.coachId,
      coach.name,
      coach.communityId,
      coach.role,
      coach.verified,
      coach.sessions,
      coach.hours,
      coach.feedbackSurveys,
      coach.meanRating,
    ];
    if (coach.qualifications.length === 0) return [[...who, null, null, null, null, null, null, null, null, null]];
    return coach.qualifications.map((q) => [
      ...who,
      q.qualificationId,
      q.credential,
      q.pathway,
      q.trainingContent.join('; '),
      q.competencies.join('; '),
      q.recordedOn,
      q.verified,
      q.verifiedBy,
      q.verifiedOn,
    ]);
  }),
});
