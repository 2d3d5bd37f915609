import { EventOf } from '../shared/event-definition';
import { CoachingSystemApproved } from './coaching-system-approved';
import { CoachingSystemComponentDefined } from './coaching-system-component-defined';
import { CommunityRegistered } from './community-registered';
import { FocusGroupHeld } from './focus-group-held';
import { ImplementationPlanStepRecorded } from './implementation-plan-step-recorded';
import { ProgramYearStarted } from './program-year-started';
import { ProviderCollaborationMeetingHeld } from './provider-collaboration-meeting-held';
import { TrainingHeld } from './training-held';

export const communityEvents = [
  CommunityRegistered,
  ProgramYearStarted,
  ImplementationPlanStepRecorded,
  CoachingSystemComponentDefined,
  CoachingSystemApproved,
  TrainingHeld,
  ProviderCollaborationMeetingHeld,
  FocusGroupHeld,
] as const;

export type CommunityEvent = EventOf<(typeof communityEvents)[number]>;
