import * as E from 'fp-ts/Either';
import { accept, CommandFor, Decider, refuse } from '../kernel/decider';
import { conflict, DomainError, notFound, ruleBroken } from '../kernel/domain-error';
import { CONCERN_HEARD_BY, RaiseAgreementConcern } from './agreement-concern-raised';
import { ResolveAgreementConcern } from './agreement-concern-resolved';
import { EndAgreement } from './agreement-ended';
import { AgreementParty } from './agreement-signed';
import { AgreementCommand } from './agreement.commands';
import { AgreementEvent } from './agreement.events';
import { CompleteCoachingCycle } from './coaching-cycle-completed';

/** What the agreement's rules need to know of its history. */
export interface AgreementState {
  readonly drafted: boolean;
  /** signedOn of each party that has signed. */
  readonly signatures: ReadonlyMap<AgreementParty, string>;
  /** The date of the last of the three signatures; undefined until all three parties signed. */
  readonly activeSince: string | undefined;
  /** The number of the last cycle completed, 0 before the first. */
  readonly completedCycles: number;
  readonly lastCycleCompletedOn: string | undefined;
  readonly endedOn: string | undefined;
  /** Concerns raised under an id, and whether each is resolved. */
  readonly concerns: ReadonlyMap<string, { readonly resolved: boolean }>;
}

/** An agreement stream before anything is recorded on it. */
export const initialAgreementState: AgreementState = {
  drafted: false,
  signatures: new Map(),
  activeSince: undefined,
  completedCycles: 0,
  lastCycleCompletedOn: undefined,
  endedOn: undefined,
  concerns: new Map(),
};

type Decision = E.Either<DomainError, ReadonlyArray<AgreementEvent>>;

const latest = (dates: ReadonlyArray<string | undefined>): string | undefined =>
  dates.reduce<string | undefined>(
    (last, date) => (date !== undefined && (last === undefined || date > last) ? date : last),
    undefined,
  );

const activeSinceOf = (signatures: AgreementState['signatures']): string | undefined =>
  AgreementParty.values.every((party) => signatures.has(party))
    ? latest(AgreementParty.values.map((party) => signatures.get(party)))
    : undefined;

const completeCycle = (command: CommandFor<typeof CompleteCoachingCycle>, state: AgreementState): Decision => {
  const cycle = command.data;
  if (state.activeSince === undefined)
    return refuse(
      ruleBroken(
        'agreement-not-active',
        'Cycles are completed only once coach, supervisor and coachee have all signed.',
        'data.agreementId',
      ),
    );
  const expected = state.completedCycles + 1;
  if (cycle.cycleNumber !== expected)
    return refuse(
      ruleBroken('cycle-out-of-order', `The next cycle of this agreement is cycle ${expected}.`, 'data.cycleNumber'),
    );
  if (cycle.completedOn < state.activeSince)
    return refuse(
      ruleBroken(
        'cycle-before-agreement-active',
        `The agreement is active since ${state.activeSince}.`,
        'data.completedOn',
      ),
    );
  if (state.lastCycleCompletedOn !== undefined && cycle.completedOn < state.lastCycleCompletedOn)
    return refuse(
      ruleBroken(
        'cycle-before-previous-cycle',
        `Cycle ${state.completedCycles} was completed on ${state.lastCycleCompletedOn}.`,
        'data.completedOn',
      ),
    );
  return accept({ type: 'CoachingCycleCompleted', data: cycle });
};

const raiseConcern = (command: CommandFor<typeof RaiseAgreementConcern>, state: AgreementState): Decision => {
  const { raisedBy, raisedWith, concernId } = command.data;
  const heardBy = CONCERN_HEARD_BY.get(raisedBy)!;
  if (raisedWith !== undefined && !heardBy.includes(raisedWith))
    return refuse(
      ruleBroken(
        'concern-taken-elsewhere',
        `A concern raised by the ${raisedBy} is taken to the ${heardBy.join(' or the ')}.`,
        'data.raisedWith',
      ),
    );
  if (concernId !== undefined && state.concerns.has(concernId))
    return refuse(
      conflict('concern-already-raised', `Concern ${concernId} is already raised on this agreement.`, [
        { path: 'data.concernId', message: 'already raised' },
      ]),
    );
  return accept({ type: 'AgreementConcernRaised', data: command.data });
};

const resolveConcern = (command: CommandFor<typeof ResolveAgreementConcern>, state: AgreementState): Decision => {
  const { concernId } = command.data;
  const concern = state.concerns.get(concernId);
  if (concern === undefined)
    return refuse(
      notFound('concern-not-raised', `No concern ${concernId} was raised on this agreement.`, [
        { path: 'data.concernId', message: 'no such concern' },
      ]),
    );
  if (concern.resolved)
    return refuse(
      ruleBroken('concern-already-resolved', `Concern ${concernId} is already resolved.`, 'data.concernId'),
    );
  return accept({ type: 'AgreementConcernResolved', data: command.data });
};

const endAgreement = (command: CommandFor<typeof EndAgreement>, state: AgreementState): Decision => {
  if (state.endedOn !== undefined)
    return refuse(
      ruleBroken('agreement-already-ended', `This agreement ended on ${state.endedOn}.`, 'data.agreementId'),
    );
  if (state.lastCycleCompletedOn !== undefined && command.data.on < state.lastCycleCompletedOn)
    return refuse(
      ruleBroken(
        'agreement-ends-before-last-cycle',
        `Cycle ${state.completedCycles} was completed on ${state.lastCycleCompletedOn}.`,
        'data.on',
      ),
    );
  return accept({ type: 'AgreementEnded', data: command.data });
};

const decideDrafted = (command: AgreementCommand, state: AgreementState): Decision => {
  if (command.type === 'DraftAgreement')
    return refuse(
      conflict('agreement-already-drafted', 'This agreement is already drafted.', [
        { path: 'data.agreementId', message: 'already drafted' },
      ]),
    );
  if (command.type === 'EndAgreement') return endAgreement(command, state);
  if (state.endedOn !== undefined)
    return refuse(
      ruleBroken(
        'agreement-ended',
        `This agreement ended on ${state.endedOn}; nothing more is recorded on it.`,
        'data.agreementId',
      ),
    );
  switch (command.type) {
    case 'SignAgreement':
      return state.signatures.has(command.data.party)
        ? refuse(
            ruleBroken('already-signed', `The ${command.data.party} has already signed this agreement.`, 'data.party'),
          )
        : accept({ type: 'AgreementSigned', data: command.data });
    case 'CompleteCoachingCycle':
      return completeCycle(command, state);
    case 'RaiseAgreementConcern':
      return raiseConcern(command, state);
    case 'ResolveAgreementConcern':
      return resolveConcern(command, state);
  }
};

const decide = (command: AgreementCommand, state: AgreementState): Decision => {
  if (state.drafted) return decideDrafted(command, state);
  if (command.type === 'DraftAgreement') return accept({ type: 'AgreementDrafted', data: command.data });
  return refuse(
    notFound('agreement-not-drafted', 'This agreement is not drafted.', [
      { path: 'data.agreementId', message: 'no such agreement' },
    ]),
  );
};

const evolve = (state: AgreementState, event: AgreementEvent): AgreementState => {
  switch (event.type) {
    case 'AgreementDrafted':
      return { ...state, drafted: true };
    case 'AgreementSigned': {
      const signatures = new Map(state.signatures).set(event.data.party, event.data.signedOn);
      return { ...state, signatures, activeSince: activeSinceOf(signatures) };
    }
    case 'CoachingCycleCompleted':
      return {
        ...state,
        completedCycles: Math.max(state.completedCycles, event.data.cycleNumber),
        lastCycleCompletedOn: latest([state.lastCycleCompletedOn, event.data.completedOn]),
      };
    case 'AgreementConcernRaised': {
      const { concernId } = event.data;
      // The first record of an id stands: a repeated one neither reopens nor duplicates it.
      return concernId === undefined || state.concerns.has(concernId)
        ? state
        : { ...state, concerns: new Map(state.concerns).set(concernId, { resolved: false }) };
    }
    case 'AgreementConcernResolved': {
      const { concernId } = event.data;
      return state.concerns.has(concernId)
        ? { ...state, concerns: new Map(state.concerns).set(concernId, { resolved: true }) }
        : state;
    }
    case 'AgreementEnded':
      return { ...state, endedOn: event.data.on };
  }
};

/** The rules of a coaching agreement: drafting, the three signatures, cycles in order, concerns raised and resolved, and the end. */
export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  initialState: initialAgreementState,
  evolve,
  decide,
};
