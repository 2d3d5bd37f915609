import { CommandFor } from '../shared/decider';
import { DistributeAsqSe2 } from './asq-se2-distributed';
import { RecordAsqSe2FollowUp } from './asq-se2-follow-up-recorded';
import { ScoreAsqSe2 } from './asq-se2-scored';
import { EraseChildData } from './child-data-erased';

export const screeningCommands = [DistributeAsqSe2, ScoreAsqSe2, RecordAsqSe2FollowUp, EraseChildData] as const;

export type ScreeningCommand = CommandFor<(typeof screeningCommands)[number]>;
