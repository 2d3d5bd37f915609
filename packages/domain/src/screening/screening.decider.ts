import * as E from 'fp-ts/Either';
import { accept, Decider, refuse } from '../kernel/decider';
import { conflict, DomainError, notFound, ruleBroken } from '../kernel/domain-error';
import { AsqSe2AgeInterval } from './asq-se2-age-interval';
import { AsqSe2CutoffTable, zoneFor } from './asq-se2-zone';
import { ScreeningCommand } from './screening.commands';
import { ScreeningEvent } from './screening.events';

/** What a screening's rules need to know of its history. */
export interface ScreeningState {
  readonly distributedOn: string | undefined;
  /** The pseudonymous child this screening concerns; forgotten once the child’s data is erased. */
  readonly childRef: string | undefined;
  /** The questionnaire's age interval, whose row of the cutoff table places the score. */
  readonly ageIntervalMonths: AsqSe2AgeInterval | undefined;
  readonly scoredOn: string | undefined;
  readonly erased: boolean;
}

/** A screening stream before anything is recorded on it. */
export const initialScreeningState: ScreeningState = {
  distributedOn: undefined,
  childRef: undefined,
  ageIntervalMonths: undefined,
  scoredOn: undefined,
  erased: false,
};

type Decision = E.Either<DomainError, ReadonlyArray<ScreeningEvent>>;

/**
 * A zone sent with a score must be the one the cutoff table gives for the questionnaire's interval. Without a
 * table (none configured) there is nothing to check against, and the zone is recorded as the scorer read it off
 * the publisher's printed table.
 */
const zoneRefusal = (
  cutoffs: AsqSe2CutoffTable | undefined,
  state: ScreeningState,
  data: { readonly score: number; readonly zone: string },
): DomainError | undefined => {
  if (cutoffs === undefined || state.ageIntervalMonths === undefined) return undefined;
  const expected = zoneFor(cutoffs, state.ageIntervalMonths, data.score);
  if (E.isLeft(expected))
    return ruleBroken(
      'asq-se2-interval-not-in-cutoff-table',
      `The ASQ-SE2 cutoff table has no ${state.ageIntervalMonths}-month interval, so no zone can be checked.`,
      'data.screeningId',
    );
  return expected.right === data.zone
    ? undefined
    : ruleBroken(
        'asq-se2-zone-mismatch',
        `A score of ${data.score} at ${state.ageIntervalMonths} months is in the ${expected.right} zone, not ${data.zone}.`,
        'data.zone',
      );
};

const decideDistributed = (
  cutoffs: AsqSe2CutoffTable | undefined,
  command: ScreeningCommand,
  state: ScreeningState,
  distributedOn: string,
): Decision => {
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
      {
        const refusal = zoneRefusal(cutoffs, state, command.data);
        if (refusal) return refuse(refusal);
      }
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

const decideWith =
  (cutoffs: AsqSe2CutoffTable | undefined) =>
  (command: ScreeningCommand, state: ScreeningState): Decision => {
    if (state.erased)
      return refuse(
        ruleBroken(
          'child-data-erased',
          'The child’s data on this screening is erased; it accepts nothing more.',
          'data.screeningId',
        ),
      );
    if (state.distributedOn !== undefined) return decideDistributed(cutoffs, command, state, state.distributedOn);
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
        ageIntervalMonths: event.data.ageIntervalMonths,
      };
    case 'AsqSe2Scored':
      return { ...state, scoredOn: event.data.scoredOn };
    case 'AsqSe2FollowUpRecorded':
      return state;
    case 'ChildDataErased':
      return { ...state, childRef: undefined, erased: true };
  }
};

/**
 * The rules of an ASQ-SE2 screening, with the publisher's cutoff table when one is configured: a score's zone is
 * then checked against the table's row for the questionnaire's interval.
 */
export const screeningDeciderWith = (
  cutoffs?: AsqSe2CutoffTable,
): Decider<ScreeningCommand, ScreeningEvent, ScreeningState> => ({
  initialState: initialScreeningState,
  evolve,
  decide: decideWith(cutoffs),
});

/**
 * The rules of an ASQ-SE2 screening: distributed, scored, followed up, and the child's data erased. No cutoff
 * table is configured here, so a score's zone is taken as sent (see `screeningDeciderWith`).
 */
export const screeningDecider = screeningDeciderWith();
