import { type CoachlineCommand, entryOf, Role } from '@coachline/domain';

/**
 * How far a grant reaches: everything; the coach's caseload (providers whose current coach they
 * are, and what belongs to them); or the actor's own record (a provider's own stream, a coach's
 * own coach stream).
 */
export type Scope = 'all' | 'caseload' | 'self';
export type Grants = Readonly<Partial<Record<Role, Scope>>>;

export type CommandType = CoachlineCommand['type'];

const programStaff: Grants = { admin: 'all', supervisor: 'all' };
const caseloadWork: Grants = { admin: 'all', supervisor: 'all', coach: 'caseload' };
const ownCoachRecord: Grants = { admin: 'all', supervisor: 'all', coach: 'self' };
const coacheeToo: Grants = { ...caseloadWork, provider: 'self' };

/**
 * Who may issue each command. Typed over every command of the catalogue, so a new command does
 * not compile until someone decides who may send it. Evaluators, leadership and auditors write
 * nothing; observers record observations (often outside staff, so not bound to a caseload).
 */
export const commandGrants: Readonly<Record<CommandType, Grants>> = {
  RegisterCommunity: programStaff,
  StartProgramYear: programStaff,
  RecordImplementationPlanStep: programStaff,
  DefineCoachingSystemComponent: programStaff,
  ApproveCoachingSystem: programStaff,
  RecordTraining: programStaff,
  RecordProviderCollaborationMeeting: programStaff,
  RecordFocusGroup: programStaff,
  ShareCoachingSystem: programStaff,
  RecordDistrictChecklistItem: programStaff,
  // Participants answer anonymously; staff enter the answers, so no one's own record is reached.
  GiveTrainingFeedback: programStaff,

  RegisterCoach: programStaff,
  RecordCoachQualification: ownCoachRecord,
  VerifyCoachQualification: programStaff,
  AttendReflectiveConsultation: ownCoachRecord,
  CompleteReflectiveConsultationSurvey: ownCoachRecord,
  ReviewCoachingSystem: ownCoachRecord,

  EnrollProvider: programStaff,
  ReassignProvider: programStaff,
  ExitProvider: programStaff,
  TransitionProviderToYear2: programStaff,
  CompleteDemographicSurvey: caseloadWork,
  UploadConsent: caseloadWork,
  WithdrawConsent: caseloadWork,
  ScheduleObservation: { ...caseloadWork, observer: 'all' },
  CompleteObservation: { admin: 'all', observer: 'all' },
  HoldDebrief: { admin: 'all', observer: 'all', coach: 'caseload' },
  CompleteBenchmarksOfQuality: caseloadWork,
  SetActionPlan: caseloadWork,
  RecordGoalAchieved: caseloadWork,
  LogSession: caseloadWork,
  CorrectSession: caseloadWork,
  VoidSession: caseloadWork,
  SendFeedback: caseloadWork,
  // The coachee's survey about their coach: never the coach's own to record.
  GiveCoachingFeedback: { admin: 'all', supervisor: 'all', provider: 'self' },

  DraftAgreement: caseloadWork,
  SignAgreement: coacheeToo,
  CompleteCoachingCycle: caseloadWork,
  RaiseAgreementConcern: coacheeToo,
  ResolveAgreementConcern: caseloadWork,
  EndAgreement: caseloadWork,

  DistributeAsqSe2: caseloadWork,
  ScoreAsqSe2: caseloadWork,
  RecordAsqSe2FollowUp: caseloadWork,
  EraseChildData: programStaff,

  // A team's coach works with the teams they coach; who is on a team and who coaches it is for program staff.
  RegisterTeam: programStaff,
  ChangeTeamMembership: programStaff,
  AssignTeamCoach: programStaff,
  LogTeamSession: caseloadWork,
  VoidTeamSession: caseloadWork,
  SetCoachingServiceDeliveryPlan: caseloadWork,
  RecordCoachingEffectiveness: caseloadWork,
};

export const VIEW_NAMES = [
  'dosage',
  'timeline',
  'cycles',
  'share',
  'evaluation',
  'history',
  'debriefs',
  'plans',
  'coaching-log',
  'access-log',
  'caseload',
  'due',
  'report',
  'coaches',
  'implementation-plan',
  'coaching-system',
  'teams',
] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

const providerFacing: Grants = { admin: 'all', supervisor: 'all', coach: 'caseload', provider: 'self' };
// An auditor already reads every event's data through the history, scores among them: replaying
// the views from those events (as of any moment) shows nothing the history does not.
const audited: Grants = { ...providerFacing, auditor: 'all' };

/**
 * Who may read each view. Leadership sees the confidential share only (rule 10); evaluators the
 * evaluation; auditors the history, the access log and every view derived from the providers'
 * and communities' records, read-only. Providers read only views that hold no observation score
 * (rule 5), and only their own part of them.
 */
export const viewGrants: Readonly<Record<ViewName, Grants>> = {
  dosage: audited,
  timeline: audited,
  cycles: audited,
  share: { ...audited, leadership: 'all' },
  evaluation: { admin: 'all', evaluator: 'all', auditor: 'all' },
  history: { admin: 'all', auditor: 'all' },
  debriefs: audited,
  plans: audited,
  'coaching-log': audited,
  caseload: audited,
  'access-log': { admin: 'all', auditor: 'all' },
  due: audited,
  report: { admin: 'all', supervisor: 'all', leadership: 'all', auditor: 'all' },
  coaches: programStaff,
  'implementation-plan': programStaff,
  // Leadership reads it reduced to the checklist's completeness and the trainings' feedback.
  'coaching-system': { ...programStaff, leadership: 'all' },
  // A coach reads only the teams they coach; providers, leadership and evaluators none.
  teams: caseloadWork,
};

/** Views whose every read is itself recorded: they show scores or the whole record. */
export const AUDITED_VIEWS: ReadonlySet<ViewName> = new Set(['history', 'evaluation']);

/** Who may read the store's chain state (`GET /integrity`): the head an auditor notes. */
export const integrityGrants: Grants = { admin: 'all', auditor: 'all' };

/**
 * Who may read the signed checkpoints and the keys they are signed under: every signed-in role.
 * They are hashes and signatures, nothing of a record, and the more readers note them the harder
 * a rewritten history goes unseen.
 */
export const checkpointGrants: Grants = Object.fromEntries(Role.values.map((role) => [role, 'all'] as const));

/** Who may have an event's inclusion proof: it holds the whole event, as the history shows it. */
export const proofGrants: Grants = { admin: 'all', auditor: 'all' };

export const isViewName = (name: string): name is ViewName => (VIEW_NAMES as ReadonlyArray<string>).includes(name);

/** A grant is read from the table's own entries only: nothing any object inherits is a grant. */
const grantIn = <Name extends string>(
  table: Readonly<Record<Name, Grants>>,
  name: Name,
  role: Role,
): Scope | undefined => {
  const grants = entryOf<Grants>(table, name);
  return grants === undefined ? undefined : entryOf(grants, role);
};

export const commandScope = (role: Role, type: CommandType): Scope | undefined => grantIn(commandGrants, type, role);
export const viewScope = (role: Role, view: ViewName): Scope | undefined => grantIn(viewGrants, view, role);
