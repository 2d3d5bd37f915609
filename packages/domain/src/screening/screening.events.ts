import { EventOf } from '../kernel/event-definition';
import { AsqSe2Distributed } from './asq-se2-distributed';
import { AsqSe2FollowUpRecorded } from './asq-se2-follow-up-recorded';
import { AsqSe2Scored } from './asq-se2-scored';
import { ChildDataErased } from './child-data-erased';

/** The events recorded on a screening's stream. */
export const screeningEvents = [AsqSe2Distributed, AsqSe2Scored, AsqSe2FollowUpRecorded, ChildDataErased] as const;

/** Any event of a screening's stream, as its decider decides and folds it. */
export type ScreeningEvent = EventOf<(typeof screeningEvents)[number]>;
