import { EventOf } from '../kernel/event-definition';
import { ActionPlanSet } from './action-plan-set';
import { BenchmarksOfQualityCompleted } from './benchmarks-of-quality-completed';
import { ConsentUploaded } from './consent-uploaded';
import { CoachingFeedbackGiven } from './coaching-feedback-given';
import { ConsentWithdrawn } from './consent-withdrawn';
import { DebriefHeld } from './debrief-held';
import { DemographicSurveyCompleted } from './demographic-survey-completed';
import { FeedbackSent } from './feedback-sent';
import { GoalAchieved } from './goal-achieved';
import { ObservationCompleted } from './observation-completed';
import { ObservationScheduled } from './observation-scheduled';
import { ProviderEnrolled } from './provider-enrolled';
import { ProviderExited } from './provider-exited';
import { ProviderReassigned } from './provider-reassigned';
import { ProviderTransitionedToYear2 } from './provider-transitioned-to-year-2';
import { SessionCorrected } from './session-corrected';
import { SessionLogged } from './session-logged';
import { SessionVoided } from './session-voided';

/** The events recorded on a provider's stream. */
export const providerEvents = [
  ProviderEnrolled,
  ProviderReassigned,
  DemographicSurveyCompleted,
  ConsentUploaded,
  ConsentWithdrawn,
  ObservationScheduled,
  ObservationCompleted,
  DebriefHeld,
  BenchmarksOfQualityCompleted,
  ActionPlanSet,
  GoalAchieved,
  SessionLogged,
  SessionCorrected,
  SessionVoided,
  FeedbackSent,
  CoachingFeedbackGiven,
  ProviderExited,
  ProviderTransitionedToYear2,
] as const;

/** Any event of a provider's stream, as its decider decides and folds it. */
export type ProviderEvent = EventOf<(typeof providerEvents)[number]>;
