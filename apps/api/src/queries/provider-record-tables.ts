import type { ViewTable } from '@coachline/projections';
import type { CoachingLogEntry, DebriefEntry, PlanEntry } from './provider-record';

/** A list of texts in one cell, a line each: a spreadsheet shows them in the cell as they were written. */
const lines = (texts: ReadonlyArray<string>): string => texts.join('\n');

/** A provider's debriefs, one row each, for CSV. */
export const debriefsTable = (answer: { debriefs: ReadonlyArray<DebriefEntry> }): ViewTable => ({
  header: ['observationId', 'heldOn', 'strengths', 'nextSteps'],
  rows: answer.debriefs.map((d) => [d.observationId, d.heldOn, lines(d.strengths), lines(d.nextSteps)]),
});

/** A provider's action plans, one row per goal (a plan without goals keeps a row), each with its plan's steps. */
export const plansTable = (answer: { actionPlans: ReadonlyArray<PlanEntry> }): ViewTable => ({
  header: ['actionPlanId', 'setOn', 'goalId', 'practice', 'description', 'achievedOn', 'steps'],
  rows: answer.actionPlans.flatMap((plan) => {
    const steps = lines(plan.steps);
    if (plan.goals.length === 0) return [[plan.actionPlanId, plan.setOn, null, null, null, null, steps]];
    return plan.goals.map((goal) => [
      plan.actionPlanId,
      plan.setOn,
      goal.goalId,
      goal.practice,
      goal.description,
      goal.achievedOn,
      steps,
    ]);
  }),
});

/** A provider's coaching log, one row per session; the days feedback was sent joined with ";". */
export const coachingLogTable = (answer: { sessions: ReadonlyArray<CoachingLogEntry> }): ViewTable => ({
  header: [
    'sessionId',
    'heldOn',
    'durationMinutes',
    'kind',
    'mode',
    'practices',
    'strategies',
    'summary',
    'nextSteps',
    'feedbackSentOn',
  ],
  rows: answer.sessions.map((s) => [
    s.sessionId,
    s.heldOn,
    s.durationMinutes,
    s.kind,
    s.mode,
    s.practices.join(';'),
    s.strategies.join(';'),
    s.summary,
    lines(s.nextSteps),
    s.feedbackSentOn.join(';'),
  ]),
});
