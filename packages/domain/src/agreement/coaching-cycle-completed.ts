import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, IntegerBetween, LocalDate, Ids } from '../kernel/primitives';
import { struct } from '../kernel/struct';
import { MAX_COACHING_CYCLES } from './agreement-drafted';

/** A cycle's place within its agreement, one to `MAX_COACHING_CYCLES`: cycles are recorded in order. */
export const CycleNumber = IntegerBetween(1, MAX_COACHING_CYCLES, 'CycleNumber');

/** The data of the `CoachingCycleCompleted` event and of the `CompleteCoachingCycle` command. */
export const CoachingCycleCompletedData = struct('CoachingCycleCompletedData', {
  agreementId: Id,
  cycleNumber: CycleNumber,
  completedOn: LocalDate,
  /** The sessions of the provider stream that made up the cycle. */
  sessionIds: Ids,
});
/** `CoachingCycleCompletedData` as decoded. */
export type CoachingCycleCompletedData = t.TypeOf<typeof CoachingCycleCompletedData>;

/**
 * A Practice-Based Coaching cycle (shared goals and action plan, focused observation, reflection and feedback) was
 * completed under an active agreement; the count of completed cycles may be shared (rule 10). Lives in the
 * `agreement` stream named by its `agreementId`.
 */
export const CoachingCycleCompleted = defineEvent({
  type: 'CoachingCycleCompleted',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description:
    'A Practice-Based Coaching cycle (shared goals and action plan, focused observation, reflection and feedback) was completed under an active agreement; the count of completed cycles may be shared (rule 10).',
  data: CoachingCycleCompletedData,
});

/**
 * Record the next coaching cycle, in order, completed while the agreement is active. Accepted, it records
 * `CoachingCycleCompleted`.
 */
export const CompleteCoachingCycle = defineCommand({
  type: 'CompleteCoachingCycle',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'Record the next coaching cycle, in order, completed while the agreement is active.',
  data: CoachingCycleCompletedData,
  produces: ['CoachingCycleCompleted'],
});
