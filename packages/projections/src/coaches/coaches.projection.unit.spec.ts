import { viewOf } from '../fold';
import { at, historyBuilder } from '../testing';
import { sessionData } from '../testing/fixtures';
import { coachesProjection } from './coaches.projection';
import { CoachesView } from './coaches.view';

const coaches = (history: ReturnType<ReturnType<typeof historyBuilder>['events']>, communityId?: string) =>
  viewOf<CoachesView>(coachesProjection, history, communityId === undefined ? {} : { communityId });

const qualification = {
  coachId: 'c-03',
  qualificationId: 'q-1',
  credential: 'Pyramid Model Coach Certification',
  pathway: 'certification course',
  trainingContent: ['Practice-Based Coaching', 'Pyramid Model'],
  competencies: ['observation', 'feedback'],
};

const registered = () =>
  historyBuilder()
    .add(
      'CoachRegistered',
      { coachId: 'c-03', communityId: 'kent', name: 'Dana Ruiz', role: 'coach' },
      at('2025-07-01'),
    )
    .add(
      'CoachRegistered',
      { coachId: 'c-04', communityId: 'ottawa', name: 'Lee Park', role: 'coach' },
      at('2025-07-01'),
    )
    .add('CoachQualificationRecorded', qualification, at('2025-07-10'));

describe('the coaches view', () => {
  it('shows a recorded qualification unverified, with what the coach stated', () => {
    const view = coaches(registered().events());
    expect(view.coaches.map((c) => [c.coachId, c.verified])).toEqual([
      ['c-03', false],
      ['c-04', false],
    ]);
    expect(view.coaches[0]!.qualifications).toEqual([
      {
        qualificationId: 'q-1',
        credential: 'Pyramid Model Coach Certification',
        pathway: 'certification course',
        trainingContent: ['Practice-Based Coaching', 'Pyramid Model'],
        competencies: ['observation', 'feedback'],
        recordedOn: '2025-07-10',
        verified: false,
        verifiedBy: null,
        verifiedOn: null,
      },
    ]);
  });

  it('shows who verified a qualification and when, and the coach as verified from then on', () => {
    const history = registered()
      .add(
        'CoachQualificationVerified',
        { ...qualification, verifiedBy: 'sup-1', verifiedOn: '2025-07-20' },
        at('2025-07-21'),
      )
      .events();
    const [dana] = coaches(history).coaches;
    expect(dana).toMatchObject({ verified: true, qualifications: [{ verifiedBy: 'sup-1', verifiedOn: '2025-07-20' }] });
    expect(coaches(history.slice(0, -1)).coaches[0]!.verified).toBe(false);
  });

  it('dates a verification without a day of its own by the day it was recorded', () => {
    const { pathway: _p, trainingContent: _t, competencies: _c, ...stated } = qualification;
    const history = registered()
      .add('CoachQualificationVerified', { ...stated, verifiedBy: 'sup-1' }, at('2025-07-22'))
      .events();
    expect(coaches(history).coaches[0]!.qualifications[0]!.verifiedOn).toBe('2025-07-22');
  });

  it('narrows to one community when asked', () => {
    expect(coaches(registered().events(), 'ottawa').coaches.map((c) => c.coachId)).toEqual(['c-04']);
  });

  it('gives a table row per qualification and one for a coach with none', () => {
    const table = coachesProjection.table(coaches(registered().events()));
    expect(table.rows.map((row) => [row[0], row[9], row[12]])).toEqual([
      ['c-03', 'q-1', 'Practice-Based Coaching; Pyramid Model'],
      ['c-04', null, null],
    ]);
    expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
  });

  describe('a coach’s efforts', () => {
    const session = (sessionId: string, coachId: string, durationMinutes: number) => ({
      ...sessionData('p-1', sessionId, '2025-09-03', durationMinutes),
      coachId,
    });
    const worked = () =>
      registered()
        .add('SessionLogged', session('s-1', 'c-03', 60), at('2025-09-03'))
        .add('SessionLogged', session('s-2', 'c-03', 45), at('2025-09-10'))
        .add('SessionLogged', session('s-3', 'c-03', 30), at('2025-09-11'))
        .add(
          'SessionCorrected',
          { providerId: 'p-1', sessionId: 's-2', changes: { durationMinutes: 90 }, reason: 'Typo.' },
          at('2025-09-12'),
        )
        .add(
          'SessionCorrected',
          { providerId: 'p-1', sessionId: 's-3', changes: { coachId: 'c-04' }, reason: 'Wrong coach.' },
          at('2025-09-12'),
        )
        .add('SessionLogged', session('s-4', 'c-03', 120), at('2025-09-13'))
        .add('SessionVoided', { providerId: 'p-1', sessionId: 's-4', reason: 'Logged twice.' }, at('2025-09-14'));

    it('counts the sessions and hours each coach held, as corrected, voided ones left out', () => {
      const [dana, lee] = coaches(worked().events()).coaches;
      expect(dana).toMatchObject({ sessions: 2, minutes: 150, hours: 2.5 });
      expect(lee).toMatchObject({ sessions: 1, minutes: 30, hours: 0.5 });
    });

    it('gives the coachees’ surveys and their mean rating as the coach’s quality measure', () => {
      const survey = (providerId: string, surveyId: string, rating: number) => ({
        providerId,
        surveyId,
        coachId: 'c-03',
        completedOn: '2025-09-30',
        rating,
      });
      const history = worked()
        .add('CoachingFeedbackGiven', survey('p-1', 'survey-1', 4), at('2025-09-30'))
        .add('CoachingFeedbackGiven', survey('p-2', 'survey-1', 5), at('2025-09-30'))
        .add('CoachingFeedbackGiven', survey('p-2', 'survey-2', 5), at('2025-10-30'))
        .events();
      const [dana, lee] = coaches(history).coaches;
      expect(dana).toMatchObject({ feedbackSurveys: 3, meanRating: 4.7 });
      expect(lee).toMatchObject({ feedbackSurveys: 0, meanRating: null });
    });
  });
});
