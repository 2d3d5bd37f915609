import { EventOf } from '../kernel/event-definition';
import { AgreementConcernRaised } from './agreement-concern-raised';
import { AgreementConcernResolved } from './agreement-concern-resolved';
import { AgreementDrafted } from './agreement-drafted';
import { AgreementEnded } from './agreement-ended';
import { AgreementSigned } from './agreement-signed';
import { CoachingCycleCompleted } from './coaching-cycle-completed';

/** The events recorded on an agreement's stream. */
export const agreementEvents = [
  AgreementDrafted,
  AgreementSigned,
  CoachingCycleCompleted,
  AgreementConcernRaised,
  AgreementConcernResolved,
  AgreementEnded,
] as const;

/** Any event of an agreement's stream, as its decider decides and folds it. */
export type AgreementEvent = EventOf<(typeof agreementEvents)[number]>;
