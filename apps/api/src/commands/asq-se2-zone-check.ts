import {
  type AsqSe2CutoffTable,
  CoachlineCommand,
  DomainError,
  type ScreeningCommand,
  screeningDeciderWith,
  streamOfCommand,
} from '@coachline/domain';
import { DecidedStreams, type EventStore } from '@coachline/eventstore';
import * as E from 'fp-ts/Either';

type ScreeningDecider = ReturnType<typeof screeningDeciderWith>;
type ScreeningState = Parameters<ScreeningDecider['decide']>[1];

/**
 * A score's zone checked against the publisher's cutoff table the operator configured: the
 * screening's rules with the table, on the screening stream as the store holds it now. The stream's
 * own decider, which has no table, then decides as ever; the interval a zone is read for is fixed
 * when the questionnaire is handed out, so the two cannot disagree about it. Without a table the
 * zone is recorded as sent.
 */
export const asqSe2ZoneCheck = (cutoffs: AsqSe2CutoffTable | undefined) => {
  const decider = cutoffs === undefined ? undefined : screeningDeciderWith(cutoffs);
  return async (
    store: EventStore,
    decidedStreams: DecidedStreams,
    command: CoachlineCommand,
  ): Promise<DomainError | undefined> => {
    if (decider === undefined || command.type !== 'ScoreAsqSe2') return undefined;
    const screening = await decidedStreams.current(store, streamOfCommand(command), 'screening');
    const decision = decider.decide(command as ScreeningCommand, screening.state.folded as ScreeningState);
    return E.isLeft(decision) ? decision.left : undefined;
  };
};
