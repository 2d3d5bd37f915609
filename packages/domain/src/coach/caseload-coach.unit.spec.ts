import { fold } from '../kernel/decider';
import { caseloadCoachOf, isVerifiedCoach, unverifiedCoachRefusal } from './caseload-coach';
import { coachDecider } from './coach.decider';
import { CoachEvent } from './coach.events';

const registered: CoachEvent = {
  type: 'CoachRegistered',
  data: { coachId: 'c-03', communityId: 'kent', name: 'Dana Ruiz', role: 'coach' },
};
const recorded: CoachEvent = {
  type: 'CoachQualificationRecorded',
  data: {
    coachId: 'c-03',
    qualificationId: 'q-1',
    credential: 'Pyramid Model Coach Certification',
    pathway: 'certification course',
    trainingContent: ['Practice-Based Coaching'],
    competencies: ['observation', 'feedback'],
  },
};
const verified: CoachEvent = {
  type: 'CoachQualificationVerified',
  data: {
    coachId: 'c-03',
    qualificationId: 'q-1',
    credential: 'Pyramid Model Coach Certification',
    verifiedBy: 'sup-1',
    verifiedOn: '2025-08-01',
  },
};

const strict = { title: 'A strict guide', caseloadNeedsVerifiedCoach: true };
const lenient = { title: 'A lenient guide' };

const enroll = { type: 'EnrollProvider', data: { providerId: 'p-1', coachId: 'c-03' } };
const reassign = { type: 'ReassignProvider', data: { providerId: 'p-1', fromCoachId: 'c-01', toCoachId: 'c-03' } };

/** Given the coach's history, under a guide, when a command gives them a provider: the refusal, if any. */
const given = (history: ReadonlyArray<CoachEvent>, guide: typeof strict | typeof lenient | undefined) => ({
  when: (command: { type: string; data: unknown }) =>
    unverifiedCoachRefusal(caseloadCoachOf(command)!, { coach: fold(coachDecider, history), guide }),
});

describe('a coach taking a caseload', () => {
  it('names the coach an enrollment or a reassignment gives the provider to, and no one for other commands', () => {
    expect(caseloadCoachOf(enroll)).toEqual({ coachId: 'c-03', path: 'data.coachId' });
    expect(caseloadCoachOf(reassign)).toEqual({ coachId: 'c-03', path: 'data.toCoachId' });
    expect(caseloadCoachOf({ type: 'LogSession', data: { coachId: 'c-03' } })).toBeUndefined();
  });

  it('counts a coach verified once one qualification is verified, not when only recorded', () => {
    expect(isVerifiedCoach(fold(coachDecider, [registered, recorded]))).toBe(false);
    expect(isVerifiedCoach(fold(coachDecider, [registered, recorded, verified]))).toBe(true);
  });

  describe('under a guide that asks for verified coaches', () => {
    it('refuses an enrollment with a coach whose qualification is only recorded', () =>
      expect(given([registered, recorded], strict).when(enroll)).toMatchObject({
        code: 'coach-not-verified',
        errors: [{ path: 'data.coachId' }],
      }));
    it('refuses a reassignment to a coach never registered', () =>
      expect(given([], strict).when(reassign)).toMatchObject({
        code: 'coach-not-verified',
        errors: [{ path: 'data.toCoachId' }],
      }));
    it('lets a verified coach take the provider', () =>
      expect(given([registered, recorded, verified], strict).when(enroll)).toBeUndefined());
  });

  it('lets any coach take a provider under a guide that does not ask, or a year whose guide is unknown', () => {
    expect(given([registered], lenient).when(enroll)).toBeUndefined();
    expect(given([registered], undefined).when(reassign)).toBeUndefined();
  });
});
