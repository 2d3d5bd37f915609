import { EventOf } from '../kernel/event-definition';
import { CoachingSystemApproved } from './coaching-system-approved';
import { CoachingSystemComponentDefined } from './coaching-system-component-defined';
import { CoachingSystemShared } from './coaching-system-shared';
import { CommunityRegistered } from './community-registered';
import { DistrictChecklistItemRecorded } from './district-checklist-item-recorded';
import { FocusGroupHeld } from './focus-group-held';
import { ImplementationPlanStepRecorded } from './implementation-plan-step-recorded';
import { ProgramYearStarted } from './program-year-started';
import { ProviderCollaborationMeetingHeld } from './provider-collaboration-meeting-held';
import { TrainingFeedbackGiven } from './training-feedback-given';
import { TrainingHeld } from './training-held';

/** The events recorded on a community's stream. */
export const communityEvents = [
  CommunityRegistered,
  ProgramYearStarted,
  ImplementationPlanStepRecorded,
  CoachingSystemComponentDefined,
  CoachingSystemApproved,
  TrainingHeld,
  ProviderCollaborationMeetingHeld,
  FocusGroupHeld,
  CoachingSystemShared,
  DistrictChecklistItemRecorded,
  TrainingFeedbackGiven,
] as const;

/** Any event of a community's stream, as its decider decides and folds it. */
export type CommunityEvent = EventOf<(typeof communityEvents)[number]>;
