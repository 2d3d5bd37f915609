import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, IntegerBetween, Sentences, Text, nonEmptyRecord } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/**
 * The seven steps of the Coaching Implementation Plan (`001`): vision, collaborative partners,
 * present circumstances, coaching process, documentation, continuous quality improvement,
 * funding and sustainability.
 */
export const ImplementationPlanStep = IntegerBetween(1, 7, 'ImplementationPlanStep');

/** The data of the `ImplementationPlanStepRecorded` event and of the `RecordImplementationPlanStep` command. */
export const ImplementationPlanStepRecordedData = struct(
  'ImplementationPlanStepRecordedData',
  {
    communityId: Id,
    step: ImplementationPlanStep,
    /** The answer to each of the step's planning questions, keyed by question; at least one. */
    answers: nonEmptyRecord(Id, Text, 'PlanStepAnswers'),
    plan: Text,
  },
  { trainingNeeds: Sentences },
);
/** `ImplementationPlanStepRecordedData` as decoded. */
export type ImplementationPlanStepRecordedData = t.TypeOf<typeof ImplementationPlanStepRecordedData>;

/**
 * A community recorded its answers, training needs and plan for one step of its Coaching Implementation Plan; a
 * later record of the same step revises it (`001`). Lives in the `community` stream named by its `communityId`.
 */
export const ImplementationPlanStepRecorded = defineEvent({
  type: 'ImplementationPlanStepRecorded',
  streamKind: 'community',
  streamIdField: 'communityId',
  description:
    'A community recorded its answers, training needs and plan for one step of its Coaching Implementation Plan; a later record of the same step revises it (`001`).',
  data: ImplementationPlanStepRecordedData,
});

/**
 * Record, or revise, one of the seven steps of the Coaching Implementation Plan. Accepted, it records
 * `ImplementationPlanStepRecorded`.
 */
export const RecordImplementationPlanStep = defineCommand({
  type: 'RecordImplementationPlanStep',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Record, or revise, one of the seven steps of the Coaching Implementation Plan.',
  data: ImplementationPlanStepRecordedData,
  produces: ['ImplementationPlanStepRecorded'],
});
