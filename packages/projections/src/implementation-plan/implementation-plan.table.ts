import type { ViewTable } from '../projection';
import type { ImplementationPlanView } from './implementation-plan.view';

/** One row per planning question of each community, with its step's plan beside it. */
export const implementationPlanTable = (view: ImplementationPlanView): ViewTable => ({
  header: ['communityId', 'step', 'title', 'stepComplete', 'questionId', 'question', 'answer', 'plan', 'recordedOn'],
  rows: view.communities.flatMap((community) =>
    community.steps.flatMap((step) =>
      step.questions.map((q) => [
        community.communityId,
        step.step,
        step.title,
        step.complete,
        q.questionId,
        q.question,
        q.answer,
        step.plan,
        step.recordedOn,
      ]),
    ),
  ),
});
