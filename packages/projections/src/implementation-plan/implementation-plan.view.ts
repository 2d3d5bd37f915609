import * as t from 'io-ts';
import { Id, Instant, LocalDate, Table } from '@coachline/domain';

/** A planning question and the community's answer to it, `null` while unanswered. */
export const PlannedQuestion = t.type(
  { questionId: Id, question: t.string, answer: t.union([t.string, t.null]) },
  'PlannedQuestion',
);

/** One step of a community's plan as it stands after its latest record. */
export const PlanStepRow = t.type(
  {
    step: t.number,
    title: t.string,
    /** The UTC day the step was last recorded; `null` before it ever was. */
    recordedOn: t.union([LocalDate, t.null]),
    questions: t.array(PlannedQuestion),
    /** Answers recorded under ids that are none of the step's questions: kept, completing nothing. */
    otherAnswers: t.array(t.type({ questionId: Id, answer: t.string })),
    trainingNeeds: t.array(t.string),
    plan: t.union([t.string, t.null]),
    complete: t.boolean,
  },
  'PlanStepRow',
);
export type PlanStepRow = t.TypeOf<typeof PlanStepRow>;

/** A community's Coaching Implementation Plan and how far it is written. */
export const CommunityPlanRow = t.type(
  {
    communityId: Id,
    stepsRecorded: t.number,
    stepsComplete: t.number,
    questionsAnswered: t.number,
    questionsAsked: t.number,
    complete: t.boolean,
    steps: t.array(PlanStepRow),
  },
  'CommunityPlanRow',
);
export type CommunityPlanRow = t.TypeOf<typeof CommunityPlanRow>;

export const ImplementationPlanView = t.type(
  { asOf: Instant, communities: t.array(CommunityPlanRow) },
  'ImplementationPlanView',
);
export type ImplementationPlanView = t.TypeOf<typeof ImplementationPlanView>;

/** A step as last recorded; answers as pairs, since their ids come from outside. */
export interface RecordedStep {
  answers: Array<[string, string]>;
  trainingNeeds: string[];
  plan: string;
  recordedOn: string;
}

/** What the fold keeps: by community, each recorded step by its number (1 to 7, at index step - 1). */
export interface ImplementationPlanState {
  communities: Table<{ steps: Array<RecordedStep | null> }>;
}
