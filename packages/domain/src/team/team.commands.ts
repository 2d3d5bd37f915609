import { CommandFor } from '../kernel/decider';
import { RecordCoachingEffectiveness } from './coaching-effectiveness-recorded';
import { SetCoachingServiceDeliveryPlan } from './coaching-service-delivery-plan-set';
import { AssignTeamCoach } from './team-coach-assigned';
import { ChangeTeamMembership } from './team-membership-changed';
import { RegisterTeam } from './team-registered';
import { LogTeamSession } from './team-session-logged';
import { VoidTeamSession } from './team-session-voided';

/** The commands decided on a team's stream; its decider takes exactly these. */
export const teamCommands = [
  RegisterTeam,
  ChangeTeamMembership,
  AssignTeamCoach,
  LogTeamSession,
  VoidTeamSession,
  SetCoachingServiceDeliveryPlan,
  RecordCoachingEffectiveness,
] as const;

/** Any command of a team's stream, decoded, as its decider receives it. */
export type TeamCommand = CommandFor<(typeof teamCommands)[number]>;
/** The team command of one type. */
export type TeamCommandOf<Type extends TeamCommand['type']> = Extract<TeamCommand, { type: Type }>;
