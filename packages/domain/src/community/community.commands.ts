import { CommandFor } from '../kernel/decider';
import { ApproveCoachingSystem } from './coaching-system-approved';
import { DefineCoachingSystemComponent } from './coaching-system-component-defined';
import { RegisterCommunity } from './community-registered';
import { RecordFocusGroup } from './focus-group-held';
import { RecordImplementationPlanStep } from './implementation-plan-step-recorded';
import { StartProgramYear } from './program-year-started';
import { RecordProviderCollaborationMeeting } from './provider-collaboration-meeting-held';
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
] as const;

/** Any command of a community's stream, decoded, as its decider receives it. */
export type CommunityCommand = CommandFor<(typeof communityCommands)[number]>;
