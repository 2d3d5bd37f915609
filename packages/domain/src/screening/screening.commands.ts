import { CommandFor } from '../kernel/decider';
import { DistributeAsqSe2 } from './asq-se2-distributed';
import { RecordAsqSe2FollowUp } from './asq-se2-follow-up-recorded';
import { ScoreAsqSe2 } from './asq-se2-scored';
import { EraseChildData } from './child-data-erased';

/** The commands decided on a screening's stream; its decider takes exactly these. */
export const screeningCommands = [DistributeAsqSe2, ScoreAsqSe2, RecordAsqSe2FollowUp, EraseChildData] as const;

/** Any command of a screening's stream, decoded, as its decider receives it. */
export type ScreeningCommand = CommandFor<(typeof screeningCommands)[number]>;
