import { EventOf } from '../kernel/event-definition';
import { CoachingEffectivenessRecorded } from './coaching-effectiveness-recorded';
import { CoachingServiceDeliveryPlanSet } from './coaching-service-delivery-plan-set';
import { TeamCoachAssigned } from './team-coach-assigned';
import { TeamMembershipChanged } from './team-membership-changed';
import { TeamRegistered } from './team-registered';
import { TeamSessionLogged } from './team-session-logged';
import { TeamSessionVoided } from './team-session-voided';

/** The events recorded on a team's stream. */
export const teamEvents = [
  TeamRegistered,
  TeamMembershipChanged,
  TeamCoachAssigned,
  TeamSessionLogged,
  TeamSessionVoided,
  CoachingServiceDeliveryPlanSet,
  CoachingEffectivenessRecorded,
] as const;

/** Any event of a team's stream, as its decider decides and folds it. */
export type TeamEvent = EventOf<(typeof teamEvents)[number]>;
