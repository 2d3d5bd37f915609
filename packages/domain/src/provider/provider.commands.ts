import { CommandFor } from '../kernel/decider';
import { SetActionPlan } from './action-plan-set';
import { CompleteBenchmarksOfQuality } from './benchmarks-of-quality-completed';
import { UploadConsent } from './consent-uploaded';
import { WithdrawConsent } from './consent-withdrawn';
import { HoldDebrief } from './debrief-held';
import { CompleteDemographicSurvey } from './demographic-survey-completed';
import { GiveCoachingFeedback } from './coaching-feedback-given';
import { SendFeedback } from './feedback-sent';
import { RecordGoalAchieved } from './goal-achieved';
import { CompleteObservation } from './observation-completed';
import { ScheduleObservation } from './observation-scheduled';
import { EnrollProvider } from './provider-enrolled';
import { ExitProvider } from './provider-exited';
import { ReassignProvider } from './provider-reassigned';
import { TransitionProviderToYear2 } from './provider-transitioned-to-year-2';
import { CorrectSession } from './session-corrected';
import { LogSession } from './session-logged';
import { VoidSession } from './session-voided';

/** The commands decided on a provider's stream; its decider takes exactly these. */
export const providerCommands = [
  EnrollProvider,
  ReassignProvider,
  CompleteDemographicSurvey,
  UploadConsent,
  WithdrawConsent,
  ScheduleObservation,
  CompleteObservation,
  HoldDebrief,
  CompleteBenchmarksOfQuality,
  SetActionPlan,
  RecordGoalAchieved,
  LogSession,
  CorrectSession,
  VoidSession,
  SendFeedback,
  GiveCoachingFeedback,
  ExitProvider,
  TransitionProviderToYear2,
] as const;

/** Any command of a provider's stream, decoded, as its decider receives it. */
export type ProviderCommand = CommandFor<(typeof providerCommands)[number]>;

/** One command of the stream by its type, for the deciders that handle it. */
export type ProviderCommandOf<Type extends ProviderCommand['type']> = Extract<ProviderCommand, { readonly type: Type }>;
