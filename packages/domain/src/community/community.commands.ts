import { CommandFor } from '../kernel/decider';
import { ApproveCoachingSystem } from './coaching-system-approved';
import { DefineCoachingSystemComponent } from './coaching-system-component-defined';
import { ShareCoachingSystem } from './coaching-system-shared';
import { RegisterCommunity } from './community-registered';
import { RecordDistrictChecklistItem } from './district-checklist-item-recorded';
import { RecordFocusGroup } from './focus-group-held';
import { RecordImplementationPlanStep } from './implementation-plan-step-recorded';
import { StartProgramYear } from './program-year-started';
import { RecordProviderCollaborationMeeting } from './provider-collaboration-meeting-held';
import { GiveTrainingFeedback } from './training-feedback-given';
import { RecordTraining } from './training-held';

/** The commands decided on a community's stream; its decider takes exactly these. */
export const communityCommands = [
  RegisterCommunity,
  StartProgramYear,
  RecordImplementationPlanStep,
  DefineCoachingSystemComponent,
  ApproveCoachingSystem,
  RecordTraining,
  RecordProviderCollaborationMeeting,
  RecordFocusGroup,
  ShareCoachingSystem,
  RecordDistrictChecklistItem,
  GiveTrainingFeedback,
] as const;

/** Any command of a community's stream, decoded, as its decider receives it. */
export type CommunityCommand = CommandFor<(typeof communityCommands)[number]>;
