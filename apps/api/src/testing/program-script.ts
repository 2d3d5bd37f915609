import type { CommandType } from '../policy/grants';
import { commandRoutes } from '../commands/command-routes';

/** One command of a program, as a client sends it: to the route of its type, with the stream id in the path. */
export interface ProgramStep {
  readonly type: CommandType;
  readonly id: string;
  readonly body: Record<string, unknown>;
}

export const pathOf = (type: CommandType, id: string): string => {
  const route = commandRoutes.find((r) => r.type === type)!;
  return `/${route.collection}/${encodeURIComponent(id)}/${route.action}`;
};

const step = (type: CommandType, id: string, body: Record<string, unknown>): ProgramStep => ({ type, id, body });

export const sessionBody = (sessionId: string, heldOn: string, durationMinutes: number, coachId = 'c-1') => ({
  sessionId,
  coachId,
  heldOn,
  durationMinutes,
  kind: 'coaching-conversation',
  mode: 'in-person',
  agendaUsed: true,
  practices: ['schedules-routines'],
  strategies: ['modeling'],
});

export const enrollmentBody = (coachId: string, enrolledOn = '2025-09-02') => ({
  communityId: 'kent',
  programYearId: 'py-2025',
  name: 'Ana Lima',
  site: { siteId: 'site-4', name: 'Maple Street Center', setting: 'center' },
  agesServed: ['preschool'],
  coachId,
  enrolledOn,
});

const COMPONENTS = [
  'definition',
  'conditions-warranting-coaching',
  'recruitment-selection',
  'supervision-accountability',
  'decision-making-authority',
  'time-allocation',
  'service-delivery-plan',
];

/** A community's year, every command of its stream. */
export const communityFamily: ReadonlyArray<ProgramStep> = [
  step('RegisterCommunity', 'kent', { name: 'Kent County', kind: 'county' }),
  step('StartProgramYear', 'kent', {
    programYearId: 'py-2025',
    guideId: 'rir-year-1',
    startsOn: '2025-07-01',
    endsOn: '2026-06-30',
  }),
  step('RecordImplementationPlanStep', 'kent', {
    step: 1,
    answers: { 'who-coaches': 'Two coaches, one lead.' },
    plan: 'Hire two coaches by August.',
  }),
  ...COMPONENTS.map((component) =>
    step('DefineCoachingSystemComponent', 'kent', { component, text: `Our ${component}.` }),
  ),
  step('ApproveCoachingSystem', 'kent', { approvedBy: 'admin-1', approvedOn: '2025-08-01' }),
  step('RecordTraining', 'kent', {
    trainingId: 't-1',
    module: 'module-1a',
    heldOn: '2025-09-10',
    attendees: { providerIds: ['p-1'], coachIds: ['c-1'] },
  }),
  step('RecordProviderCollaborationMeeting', 'kent', {
    meetingId: 'm-1',
    heldOn: '2025-09-20',
    facilitatorIds: ['c-1'],
    attendeeIds: ['p-1'],
    topic: 'Visual schedules',
  }),
  step('RecordFocusGroup', 'kent', { heldOn: '2025-10-01' }),
  step('ShareCoachingSystem', 'kent', { audience: 'coaches', sharedOn: '2025-08-04' }),
  step('RecordDistrictChecklistItem', 'kent', {
    item: 'system-approved',
    status: 'in-place',
    recordedOn: '2025-08-05',
  }),
  step('GiveTrainingFeedback', 'kent', {
    trainingId: 't-1',
    givenOn: '2025-09-10',
    useful: 5,
    willUse: 4,
    diversity: 4,
  }),
];

/** A coach's record, every command of the coach stream. */
export const coachFamily: ReadonlyArray<ProgramStep> = [
  step('RegisterCoach', 'c-1', { communityId: 'kent', name: 'Dana Ruiz', role: 'coach' }),
  step('RegisterCoach', 'c-2', { communityId: 'kent', name: 'Sam Okafor', role: 'coach' }),
  step('RecordCoachQualification', 'c-1', { qualificationId: 'q-1', credential: 'Pyramid Model coach' }),
  step('VerifyCoachQualification', 'c-1', {
    qualificationId: 'q-1',
    credential: 'Pyramid Model coach',
    verifiedBy: 'sup-1',
    verifiedOn: '2025-08-15',
  }),
  step('AttendReflectiveConsultation', 'c-1', { month: '2025-09', heldOn: '2025-09-12', durationMinutes: 60 }),
  step('CompleteReflectiveConsultationSurvey', 'c-1', { completedOn: '2025-12-10' }),
  step('ReviewCoachingSystem', 'c-1', { communityId: 'kent', reviewedOn: '2025-08-06' }),
];

/** Provider p-1's year with coach c-1: every command of the provider stream but the last two, kept for the end. */
export const providerFamily: ReadonlyArray<ProgramStep> = [
  step('EnrollProvider', 'p-1', enrollmentBody('c-1')),
  step('EnrollProvider', 'p-2', { ...enrollmentBody('c-2'), name: 'Lee Park' }),
  step('CompleteDemographicSurvey', 'p-1', { completedOn: '2025-09-05' }),
  step('UploadConsent', 'p-1', {
    consentId: 'consent-1',
    instrument: 'TPOT',
    signedOn: '2025-09-03',
    document: { uri: 'https://documents.example/consent-1.pdf', sha256: 'ab'.repeat(32) },
  }),
  step('ScheduleObservation', 'p-1', {
    observationId: 'obs-1',
    instrument: 'TPOT',
    scheduledFor: '2025-09-15',
    observerId: 'obs-ann',
  }),
  step('CompleteObservation', 'p-1', {
    observationId: 'obs-1',
    observedOn: '2025-09-15',
    scores: { keyPracticesPercent: 72.5, redFlags: 2 },
  }),
  step('HoldDebrief', 'p-1', {
    observationId: 'obs-1',
    heldOn: '2025-09-18',
    strengths: ['Warm greetings at arrival.'],
    nextSteps: ['Add a visual schedule.'],
  }),
  step('CompleteBenchmarksOfQuality', 'p-1', {
    boqId: 'boq-1',
    form: 'BOQ',
    completedOn: '2025-09-20',
    ratings: { 'leadership-team': 2, 'staff-buy-in': 1 },
    formVersion: '2024',
  }),
  step('SetActionPlan', 'p-1', {
    actionPlanId: 'ap-1',
    goals: [{ goalId: 'g-1', practice: 'schedules-routines', description: 'Use a visual schedule every day.' }],
    steps: ['Print the schedule cards.'],
    setOn: '2025-09-22',
  }),
  step('RecordGoalAchieved', 'p-1', { goalId: 'g-1', on: '2025-11-03' }),
  step('LogSession', 'p-1', sessionBody('s-1', '2025-09-16', 90)),
  step('LogSession', 'p-1', sessionBody('s-2', '2025-09-25', 75)),
  step('LogSession', 'p-1', sessionBody('s-3', '2025-10-07', 45)),
  step('CorrectSession', 'p-1', {
    sessionId: 's-1',
    changes: { durationMinutes: 100 },
    reason: 'The visit ran longer than logged.',
  }),
  step('VoidSession', 'p-1', { sessionId: 's-3', reason: 'Logged twice.' }),
  step('SendFeedback', 'p-1', { sessionId: 's-1', sentOn: '2025-09-17' }),
  step('GiveCoachingFeedback', 'p-1', { surveyId: 'survey-1', coachId: 'c-1', completedOn: '2025-09-30', rating: 4 }),
  step('WithdrawConsent', 'p-1', { consentId: 'consent-1', withdrawnOn: '2025-12-01' }),
];

/** The agreement of p-1 with c-1: drafted, signed by all three parties, one cycle, a concern raised and resolved, ended. */
export const agreementFamily: ReadonlyArray<ProgramStep> = [
  step('DraftAgreement', 'a-1', {
    providerId: 'p-1',
    coachId: 'c-1',
    practices: ['schedules-routines'],
    visitMode: 'in-person',
    estimatedCycles: 4,
    cadence: 'every-two-weeks',
  }),
  step('SignAgreement', 'a-1', { party: 'coach', signedBy: 'c-1', signedOn: '2025-09-24' }),
  step('SignAgreement', 'a-1', { party: 'supervisor', signedBy: 'sup-1', signedOn: '2025-09-24' }),
  step('SignAgreement', 'a-1', { party: 'coachee', signedBy: 'p-1', signedOn: '2025-09-25' }),
  step('CompleteCoachingCycle', 'a-1', { cycleNumber: 1, completedOn: '2025-10-08', sessionIds: ['s-1', 's-2'] }),
  step('RaiseAgreementConcern', 'a-1', {
    raisedBy: 'coachee',
    raisedWith: 'supervisor',
    concernId: 'concern-1',
    summary: 'Visits keep moving to Fridays.',
  }),
  step('ResolveAgreementConcern', 'a-1', {
    concernId: 'concern-1',
    resolvedOn: '2025-10-20',
    resolution: 'Visits on Tuesdays.',
  }),
  step('EndAgreement', 'a-1', { on: '2025-12-15', reason: 'Goals met.' }),
];

/** An ASQ-SE2 screening of a child in p-1's care, up to the erasure of the child's data. */
export const screeningFamily: ReadonlyArray<ProgramStep> = [
  step('DistributeAsqSe2', 'scr-1', {
    providerId: 'p-1',
    childRef: 'child-7f3a',
    ageIntervalMonths: 36,
    distributedOn: '2025-09-10',
  }),
  step('ScoreAsqSe2', 'scr-1', { score: 40, zone: 'below-cutoff', scoredOn: '2025-09-24' }),
  step('RecordAsqSe2FollowUp', 'scr-1', { action: 'Shared the results with the family.', on: '2025-09-30' }),
  step('EraseChildData', 'scr-1', { childRef: 'child-7f3a', on: '2025-12-20' }),
];

/** A district team's commands: registered with one coach, then coached by c-1 for the rest of the year. */
export const teamFamily: ReadonlyArray<ProgramStep> = [
  step('RegisterTeam', 'dit-kent', {
    communityId: 'kent',
    level: 'district',
    name: 'Kent District Implementation Team',
    coachId: 'c-2',
    registeredOn: '2025-08-15',
    members: [
      { memberId: 'm-1', role: 'Director' },
      { memberId: 'm-2', role: 'MTSS coordinator' },
    ],
  }),
  step('AssignTeamCoach', 'dit-kent', { coachId: 'c-1', assignedOn: '2025-09-01' }),
  step('ChangeTeamMembership', 'dit-kent', {
    joined: [{ memberId: 'm-3', role: 'School psychologist' }],
    left: [],
    changedOn: '2025-09-01',
  }),
  step('SetCoachingServiceDeliveryPlan', 'dit-kent', {
    coachId: 'c-1',
    setOn: '2025-09-01',
    coachingType: 'systems',
    minutesPerMonth: 120,
    frequency: 'every two weeks',
    focus: ['Tier 1 data review'],
  }),
  step('LogTeamSession', 'dit-kent', {
    sessionId: 'ts-1',
    coachId: 'c-1',
    heldOn: '2025-09-10',
    durationMinutes: 90,
    contact: 'coaching',
    inSetting: true,
    mode: 'in-person',
    membersPresent: ['m-1', 'm-3'],
  }),
  step('VoidTeamSession', 'dit-kent', { sessionId: 'ts-1', reason: 'Logged on the wrong day.' }),
  step('RecordCoachingEffectiveness', 'dit-kent', { recordedOn: '2025-09-30', measure: 'TFI Tier 1', percent: 70 }),
];

/** The provider stream's closing commands: nothing is recorded for p-1 after them. */
export const closingFamily: ReadonlyArray<ProgramStep> = [
  step('ReassignProvider', 'p-1', { fromCoachId: 'c-1', toCoachId: 'c-2', on: '2025-12-02' }),
  step('TransitionProviderToYear2', 'p-1', { on: '2026-01-05' }),
  step('ExitProvider', 'p-2', { on: '2026-01-10', reason: 'Moved to another county.' }),
];

/** Every command family in an order the program's rules accept. */
export const wholeProgram: ReadonlyArray<ProgramStep> = [
  ...communityFamily,
  ...coachFamily,
  ...teamFamily,
  ...providerFamily,
  ...agreementFamily,
  ...screeningFamily,
];
