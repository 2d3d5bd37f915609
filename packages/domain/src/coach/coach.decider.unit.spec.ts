import { command, deciderSpec } from '../testing';
import { CoachCommand } from './coach.commands';
import { coachDecider } from './coach.decider';
import { CoachEvent } from './coach.events';

const spec = deciderSpec(coachDecider);

const registered: CoachEvent = {
  type: 'CoachRegistered',
  data: { coachId: 'c-03', communityId: 'kent', name: 'Dana Ruiz', role: 'coach' },
};
const recorded: CoachEvent = {
  type: 'CoachQualificationRecorded',
  data: { coachId: 'c-03', qualificationId: 'q-1', credential: 'Pyramid Model Coach Certification' },
};

describe('coach decider', () => {
  describe('RegisterCoach', () => {
    const register = command<CoachCommand>('RegisterCoach', registered.data);
    it('registers a new coach', () => spec.given([]).when(register).then([registered]));
    it('refuses a second registration', () =>
      spec.given([registered]).when(register).thenFails('coach-already-registered', ['data.coachId']));
  });

  describe('RecordCoachQualification', () => {
    const record = command<CoachCommand>('RecordCoachQualification', recorded.data);
    it('records a credential', () => spec.given([registered]).when(record).then([recorded]));
    it('refuses a coach never registered', () =>
      spec.given([]).when(record).thenFails('coach-not-registered', ['data.coachId']));
    it('refuses the same qualification twice', () =>
      spec
        .given([registered, recorded])
        .when(record)
        .thenFails('qualification-already-recorded', ['data.qualificationId']));
  });

  describe('VerifyCoachQualification', () => {
    const verifiedData = { ...recorded.data, verifiedBy: 'sup-1', verifiedOn: '2025-08-01' };
    const verify = command<CoachCommand>('VerifyCoachQualification', verifiedData);
    it('verifies a recorded credential', () =>
      spec
        .given([registered, recorded])
        .when(verify)
        .then([{ type: 'CoachQualificationVerified', data: verifiedData }]));
    it('refuses a credential never recorded', () =>
      spec.given([registered]).when(verify).thenFails('qualification-not-recorded', ['data.qualificationId']));
    it('refuses verifying twice', () =>
      spec
        .given([registered, recorded, { type: 'CoachQualificationVerified', data: verifiedData }])
        .when(verify)
        .thenFails('qualification-already-verified', ['data.qualificationId']));
    it('refuses a credential that differs from the one recorded', () =>
      spec
        .given([registered, recorded])
        .when(command<CoachCommand>('VerifyCoachQualification', { ...verifiedData, credential: 'CDA' }))
        .thenFails('credential-mismatch', ['data.credential']));
  });

  describe('AttendReflectiveConsultation', () => {
    const data = { coachId: 'c-03', month: '2025-09', heldOn: '2025-09-10', durationMinutes: 60 };
    it('records the month’s consultation', () =>
      spec
        .given([registered])
        .when(command<CoachCommand>('AttendReflectiveConsultation', data))
        .then([{ type: 'ReflectiveConsultationAttended', data }]));
    it('refuses a consultation held outside its month', () =>
      spec
        .given([registered])
        .when(command<CoachCommand>('AttendReflectiveConsultation', { ...data, heldOn: '2025-10-01' }))
        .thenFails('consultation-outside-month', ['data.heldOn']));
    it('refuses a second consultation for the same month', () =>
      spec
        .given([registered, { type: 'ReflectiveConsultationAttended', data }])
        .when(command<CoachCommand>('AttendReflectiveConsultation', { ...data, heldOn: '2025-09-24' }))
        .thenFails('consultation-already-recorded', ['data.month']));
  });

  describe('CompleteReflectiveConsultationSurvey', () => {
    const data = { coachId: 'c-03', completedOn: '2025-12-05' };
    const complete = command<CoachCommand>('CompleteReflectiveConsultationSurvey', data);
    it('records the survey', () =>
      spec
        .given([registered])
        .when(complete)
        .then([{ type: 'ReflectiveConsultationSurveyCompleted', data }]));
    it('refuses a second survey', () =>
      spec
        .given([registered, { type: 'ReflectiveConsultationSurveyCompleted', data }])
        .when(complete)
        .thenFails('survey-already-completed', ['data.coachId']));
  });
});
