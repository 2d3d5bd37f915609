import * as E from 'fp-ts/Either';
import { ImplementationPlanStepGuide, implementationPlanSteps } from './implementation-plan';

describe('the Coaching Implementation Plan as guide data', () => {
  it('holds the seven steps in order, each with planning questions its codec accepts', () => {
    expect(implementationPlanSteps.map((step) => step.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const step of implementationPlanSteps) expect(E.isRight(ImplementationPlanStepGuide.decode(step))).toBe(true);
  });

  it('names every question once across the plan, so an answer completes one question only', () => {
    const ids = implementationPlanSteps.flatMap((step) => step.questions.map((question) => question.questionId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
