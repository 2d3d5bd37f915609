import { CommandFor } from '../shared/decider';
import { RaiseAgreementConcern } from './agreement-concern-raised';
import { DraftAgreement } from './agreement-drafted';
import { EndAgreement } from './agreement-ended';
import { SignAgreement } from './agreement-signed';
import { CompleteCoachingCycle } from './coaching-cycle-completed';

export const agreementCommands = [
  DraftAgreement,
  SignAgreement,
  CompleteCoachingCycle,
  RaiseAgreementConcern,
  EndAgreement,
] as const;

export type AgreementCommand = CommandFor<(typeof agreementCommands)[number]>;
