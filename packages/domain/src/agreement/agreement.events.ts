import { EventOf } from '../shared/event-definition';
import { AgreementConcernRaised } from './agreement-concern-raised';
import { AgreementDrafted } from './agreement-drafted';
import { AgreementEnded } from './agreement-ended';
import { AgreementSigned } from './agreement-signed';
import { CoachingCycleCompleted } from './coaching-cycle-completed';

export const agreementEvents = [
  AgreementDrafted,
  AgreementSigned,
  CoachingCycleCompleted,
  AgreementConcernRaised,
  AgreementEnded,
] as const;

export type AgreementEvent = EventOf<(typeof agreementEvents)[number]>;
