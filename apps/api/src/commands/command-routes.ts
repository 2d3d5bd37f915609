import { CommandDefinition, commandCatalogue, StreamKind } from '@coachline/domain';
import type { CommandType } from '../policy/grants';

/** The collection each stream kind's commands are posted under: `/providers/:id/sessions`. */
export const COLLECTIONS: Readonly<Record<StreamKind, string>> = {
  community: 'communities',
  coach: 'coaches',
  provider: 'providers',
  agreement: 'agreements',
  screening: 'screenings',
  team: 'teams',
};

/**
 * The one table of command routes: the last segment of `POST /<collection>/:id/<action>` for each
 * command. The `:id` is the command's stream id (its definition's `streamIdField`); the body is
 * the command's data. Typed over every command, so a new command needs a route to compile.
 */
export const COMMAND_ACTIONS: Readonly<Record<CommandType, string>> = {
  RegisterCommunity: 'registration',
  StartProgramYear: 'program-years',
  RecordImplementationPlanStep: 'implementation-plan-steps',
  DefineCoachingSystemComponent: 'coaching-system-components',
  ApproveCoachingSystem: 'coaching-system-approval',
  RecordTraining: 'trainings',
  RecordProviderCollaborationMeeting: 'collaboration-meetings',
  RecordFocusGroup: 'focus-groups',
  ShareCoachingSystem: 'coaching-system-sharings',
  RecordDistrictChecklistItem: 'district-checklist-items',
  GiveTrainingFeedback: 'training-feedback',

  RegisterCoach: 'registration',
  RecordCoachQualification: 'qualifications',
  VerifyCoachQualification: 'qualification-verifications',
  AttendReflectiveConsultation: 'reflective-consultations',
  CompleteReflectiveConsultationSurvey: 'reflective-consultation-surveys',
  ReviewCoachingSystem: 'coaching-system-reviews',

  EnrollProvider: 'enrollment',
  ReassignProvider: 'reassignments',
  CompleteDemographicSurvey: 'demographic-surveys',
  UploadConsent: 'consents',
  WithdrawConsent: 'consent-withdrawals',
  ScheduleObservation: 'observations',
  CompleteObservation: 'observation-results',
  HoldDebrief: 'debriefs',
  CompleteBenchmarksOfQuality: 'benchmarks-of-quality',
  SetActionPlan: 'action-plans',
  RecordGoalAchieved: 'goals-achieved',
  LogSession: 'sessions',
  CorrectSession: 'session-corrections',
  VoidSession: 'session-voids',
  SendFeedback: 'feedback',
  GiveCoachingFeedback: 'coaching-feedback',
  ExitProvider: 'exit',
  TransitionProviderToYear2: 'year-2-transition',

  DraftAgreement: 'draft',
  SignAgreement: 'signatures',
  CompleteCoachingCycle: 'cycles',
  RaiseAgreementConcern: 'concerns',
  ResolveAgreementConcern: 'concern-resolutions',
  EndAgreement: 'end',

  DistributeAsqSe2: 'distribution',
  ScoreAsqSe2: 'score',
  RecordAsqSe2FollowUp: 'follow-ups',
  EraseChildData: 'erasure',

  RegisterTeam: 'registration',
  ChangeTeamMembership: 'memberships',
  AssignTeamCoach: 'coach-assignments',
  LogTeamSession: 'sessions',
  VoidTeamSession: 'session-voids',
  SetCoachingServiceDeliveryPlan: 'service-delivery-plans',
  RecordCoachingEffectiveness: 'effectiveness',
};

export interface CommandRoute {
  readonly type: CommandType;
  readonly collection: string;
  readonly action: string;
  /** As OpenAPI writes it: `/providers/{id}/sessions`. */
  readonly path: string;
  readonly definition: CommandDefinition;
}

export const commandRoutes: ReadonlyArray<CommandRoute> = commandCatalogue.map((definition) => {
  const type = definition.type as CommandType;
  const collection = COLLECTIONS[definition.streamKind];
  const action = COMMAND_ACTIONS[type];
  return {
    type,
    collection,
    action,
    path: `/${collection}/{id}/${action}`,
    definition: definition as CommandDefinition,
  };
});

const byPath = new Map(commandRoutes.map((route) => [`${route.collection}/${route.action}`, route]));

export const findCommandRoute = (collection: string, action: string): CommandRoute | undefined =>
  byPath.get(`${collection}/${action}`);
