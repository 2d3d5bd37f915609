import { EventOf } from '../shared/event-definition';
import { AsqSe2Distributed } from './asq-se2-distributed';
import { AsqSe2FollowUpRecorded } from './asq-se2-follow-up-recorded';
import { AsqSe2Scored } from './asq-se2-scored';
import { ChildDataErased } from './child-data-erased';

export const screeningEvents = [AsqSe2Distributed, AsqSe2Scored, AsqSe2FollowUpRecorded, ChildDataErased] as const;

export type ScreeningEvent = EventOf<(typeof screeningEvents)[number]>;
