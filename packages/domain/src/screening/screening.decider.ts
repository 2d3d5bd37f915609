import * as E from 'fp-ts/Either';
import { accept, Decider, refuse } from '../kernel/decider';
import { conflict, DomainError, notFound, ruleBroken } from '../kernel/domain-error';
import { ScreeningCommand } from './screening.commands';
import { ScreeningEvent } from './screening.events';

/** What a screening's rules need to know of its history. */
export interface ScreeningState {
  readonly distributedOn: string | undefined;
  /** The pseudonymous child this screening concerns; forgotten once the child’s data is erased. */
  readonly childRef: string | undefined;
  readonly scoredOn: string | undefined;
  readonly erased: boolean;
}

/** A screening stream before anything is recorded on it. */
export const initialScreeningState: ScreeningState = {
  distributedOn: undefined,
  childRef: undefined,
  scoredOn: undefined,
  erased: false,
};

type Decision = E.Either<DomainError, ReadonlyArray<ScreeningEvent>>;

const decideDistributed = (command: ScreeningCommand, state: ScreeningState, distributedOn: string): Decision => {
  switch (command.type) {
    case 'DistributeAsqSe2':
      return refuse(
        conflict('screening-already-distributed', 'This screening is already distributed.', [
          { path: 'data.screeningId', message: 'already distributed' },
        ]),
      );
    case 'ScoreAsqSe2':
      if (state.scoredOn !== undefined)
        return refuse(
          ruleBroken('screening-already-scored', `This screening was scored on ${state.scoredOn}.`, 'data.screeningId'),
        );
      if (command.data.scoredOn < distributedOn)
        return refuse(
          ruleBroken(
            'scored-before-distributed',
            `The questionnaire was distributed on ${distributedOn}.`,
            'data.scoredOn',
          ),
        );
      return accept({ type: 'AsqSe2Scored', data: command.data });
    case 'RecordAsqSe2FollowUp':
      if (state.scoredOn === undefined)
        return refuse(
          ruleBroken('screening-not-scored', 'A follow-up responds to a scored screening.', 'data.screeningId'),
        );
      if (command.data.on < state.scoredOn)
        return refuse(
          ruleBroken('follow-up-before-scoring', `The screening was scored on ${state.scoredOn}.`, 'data.on'),
        );
      return accept({ type: 'AsqSe2FollowUpRecorded', data: command.data });
    case 'EraseChildData':
      return command.data.childRef !== state.childRef
        ? refuse(ruleBroken('child-ref-mismatch', 'This screening concerns another child.', 'data.childRef'))
        : accept({ type: 'ChildDataErased', data: command.data });
  }
};

const decide = (command: ScreeningCommand, state: ScreeningState): Decision => {
  if (state.erased)
    return refuse(
      ruleBroken(
        'child-data-erased',
        'The child’s data on this screening is erased; it accepts nothing more.',
        'data.screeningId',
      ),
    );
  if (state.distributedOn !== undefined) return decideDistributed(command, state, state.distributedOn);
  if (command.type === 'DistributeAsqSe2') return accept({ type: 'AsqSe2Distributed', data: command.data });
  return refuse(
    notFound('screening-not-distributed', 'This screening is not distributed.', [
      { path: 'data.screeningId', message: 'no such screening' },
    ]),
  );
};

const evolve = (state: ScreeningState, event: ScreeningEvent): ScreeningState => {
  switch (event.type) {
    case 'AsqSe2Distributed':
      return {
        ...state,
        distributedOn: event.data.distributedOn,
        childRef: state.erased ? undefined : event.data.childRef,
      };
    case 'AsqSe2Scored':
      return { ...state, scoredOn: event.data.scoredOn };
    case 'AsqSe2FollowUpRecorded':
      return state;
    case 'ChildDataErased':
      return { ...state, childRef: undefined, erased: true };
  }
};

/** The rules of an ASQ-SE2 screening: distributed, scored, followed up, and the child's data erased. */
export const screeningDecider: Decider<ScreeningCommand, ScreeningEvent, ScreeningState> = {
  initialState: initialScreeningState,
  evolve,
  decide,
};
