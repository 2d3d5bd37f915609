import { Id, Instant, Label, LocalDate, RecordedEvent, Text } from '@coachline/domain';
import * as t from 'io-ts';

/**
 * What a provider reads of their own record: the debriefs of their observations and their
 * action plans. Each field is copied by name, so nothing else an event holds (scores above all,
 * rule 5) can reach these answers.
 */
export const DebriefEntry = t.type(
  { observationId: Id, heldOn: LocalDate, strengths: t.array(Text), nextSteps: t.array(Text) },
  'DebriefEntry',
);
export type DebriefEntry = t.TypeOf<typeof DebriefEntry>;

export const PlanGoal = t.type(
  { goalId: Id, practice: Label, description: Text, achievedOn: t.union([LocalDate, t.null]) },
  'PlanGoal',
);
export const PlanEntry = t.type(
  { actionPlanId: Id, setOn: LocalDate, goals: t.array(PlanGoal), steps: t.array(Text) },
  'PlanEntry',
);
export type PlanEntry = t.TypeOf<typeof PlanEntry>;

export const DebriefsView = t.type({ asOf: Instant, providerId: Id, debriefs: t.array(DebriefEntry) }, 'DebriefsView');
export const PlansView = t.type({ asOf: Instant, providerId: Id, actionPlans: t.array(PlanEntry) }, 'PlansView');

export const debriefsOf = (events: ReadonlyArray<RecordedEvent>): DebriefEntry[] =>
  events.flatMap((event) =>
    event.type === 'DebriefHeld'
      ? [
          {
            observationId: event.data.observationId,
            heldOn: event.data.heldOn,
            strengths: event.data.strengths,
            nextSteps: event.data.nextSteps,
          },
        ]
      : [],
  );

export const plansOf = (events: ReadonlyArray<RecordedEvent>): PlanEntry[] => {
  const achieved = new Map<string, string>();
  for (const event of events)
    if (event.type === 'GoalAchieved' && !achieved.has(event.data.goalId))
      achieved.set(event.data.goalId, event.data.on);
  return events.flatMap((event) =>
    event.type === 'ActionPlanSet'
      ? [
          {
            actionPlanId: event.data.actionPlanId,
            setOn: event.data.setOn,
            goals: event.data.goals.map((goal) => ({
              goalId: goal.goalId,
              practice: goal.practice,
              description: goal.description,
              achievedOn: achieved.get(goal.goalId) ?? null,
            })),
            steps: event.data.steps,
          },
        ]
      : [],
  );
};
