import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, IntegerBetween, LocalDate, Ids } from '../shared/primitives';
import { struct } from '../shared/struct';
import { MAX_COACHING_CYCLES } from './agreement-drafted';

export const CycleNumber = IntegerBetween(1, MAX_COACHING_CYCLES, 'CycleNumber');

export const CoachingCycleCompletedData = struct('CoachingCycleCompletedData', {
  agreementId: Id,
  cycleNumber: CycleNumber,
  completedOn: LocalDate,
  /** The sessions of the provider stream that made up the cycle. */
  sessionIds: Ids,
});
export type CoachingCycleCompletedData = t.TypeOf<typeof CoachingCycleCompletedData>;

export const CoachingCycleCompleted = defineEvent({
  type: 'CoachingCycleCompleted',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description:
    'A Practice-Based Coaching cycle (shared goals and action plan, focused observation, reflection and feedback) was completed under an active agreement; the count of completed cycles may be shared (rule 10).',
  data: CoachingCycleCompletedData,
});

export const CompleteCoachingCycle = defineCommand({
  type: 'CompleteCoachingCycle',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'Record the next coaching cycle, in order, completed while the agreement is active.',
  data: CoachingCycleCompletedData,
  produces: ['CoachingCycleCompleted'],
});
