import { emptyTable, entryOf, implementationPlanSteps, type RecordedEvent } from '@coachline/domain';
import { dayOf } from '../calendar';
import type { Projection, ViewQuery } from '../projection';
import { namedIn } from '../subjects';
import { implementationPlanTable } from './implementation-plan.table';
import {
  CommunityPlanRow,
  ImplementationPlanState,
  ImplementationPlanView,
  PlanStepRow,
  RecordedStep,
} from './implementation-plan.view';

const STEPS = implementationPlanSteps.length;

const apply = (state: ImplementationPlanState, event: RecordedEvent): ImplementationPlanState => {
  switch (event.type) {
    case 'CommunityRegistered': {
      const { communityId } = event.data;
      if (entryOf(state.communities, communityId) === undefined)
        state.communities[communityId] = { steps: Array.from({ length: STEPS }, () => null) };
      return state;
    }
    case 'ImplementationPlanStepRecorded': {
      const { communityId, step, answers, trainingNeeds, plan } = event.data;
      const community = entryOf(state.communities, communityId);
      if (community === undefined) return state;
      // A later record of a step revises it whole: the plan shows its latest answers only.
      community.steps[step - 1] = {
        answers: Object.entries(answers),
        trainingNeeds: [...(trainingNeeds ?? [])],
        plan,
        recordedOn: dayOf(event.metadata.recordedAt),
      };
      return state;
    }
    default:
      return state;
  }
};

const stepRow = (guide: (typeof implementationPlanSteps)[number], recorded: RecordedStep | null): PlanStepRow => {
  const answers = new Map(recorded?.answers ?? []);
  const asked = new Set(guide.questions.map((question) => question.questionId));
  const questions = guide.questions.map(({ questionId, question }) => ({
    questionId,
    question,
    answer: answers.get(questionId) ?? null,
  }));
  return {
    step: guide.step,
    title: guide.title,
    recordedOn: recorded?.recordedOn ?? null,
    questions,
    otherAnswers: [...answers]
      .filter(([questionId]) => !asked.has(questionId))
      .map(([questionId, answer]) => ({ questionId, answer })),
    trainingNeeds: [...(recorded?.trainingNeeds ?? [])],
    plan: recorded?.plan ?? null,
    complete: recorded !== null && questions.every((question) => question.answer !== null),
  };
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const render = (state: ImplementationPlanState, query: ViewQuery): ImplementationPlanView => {
  const ids = Object.keys(state.communities).sort(byId);
  const communities: CommunityPlanRow[] = ids
    .filter((communityId) => query.communityId === undefined || communityId === query.communityId)
    .map((communityId) => {
      const recorded = state.communities[communityId]!.steps;
      const steps = implementationPlanSteps.map((guide, i) => stepRow(guide, recorded[i] ?? null));
      const questions = steps.flatMap((step) => step.questions);
      return {
        communityId,
        stepsRecorded: steps.filter((step) => step.recordedOn !== null).length,
        stepsComplete: steps.filter((step) => step.complete).length,
        questionsAnswered: questions.filter((question) => question.answer !== null).length,
        questionsAsked: questions.length,
        complete: steps.every((step) => step.complete),
        steps,
      };
    });
  return { asOf: query.asOf, communities };
};

/**
 * Each community's Coaching Implementation Plan against its seven steps and their planning
 * questions: what is answered, what is still open, each step's training needs and plan, and how
 * complete the plan is.
 */
export const implementationPlanProjection: Projection<ImplementationPlanState, ImplementationPlanView> = {
  name: 'implementation-plan',
  version: 1,
  eventTypes: ['CommunityRegistered', 'ImplementationPlanStepRecorded'],
  init: () => ({ communities: emptyTable() }),
  apply,
  subjects: { tables: ['communities'], changedBy: (_state, event) => namedIn(event, 'communityId', 'communities') },
  view: render,
  viewCodec: ImplementationPlanView,
  table: implementationPlanTable,
};
