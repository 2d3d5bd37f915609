import { CommandFor } from '../kernel/decider';
import { RaiseAgreementConcern } from './agreement-concern-raised';
import { ResolveAgreementConcern } from './agreement-concern-resolved';
import { DraftAgreement } from './agreement-drafted';
import { EndAgreement } from './agreement-ended';
import { SignAgreement } from './agreement-signed';
import { CompleteCoachingCycle } from './coaching-cycle-completed';

/** The commands decided on an agreement's stream; its decider takes exactly these. */
export const agreementCommands = [
  DraftAgreement,
  SignAgreement,
  CompleteCoachingCycle,
  RaiseAgreementConcern,
  ResolveAgreementConcern,
  EndAgreement,
] as const;

/** Any command of an agreement's stream, decoded, as its decider receives it. */
export type AgreementCommand = CommandFor<(typeof agreementCommands)[number]>;
