import { Id, Instant, Label, LocalDate, PositiveInteger, RecordedEvent, SessionKind, Text } from '@coachline/domain';
import * as t from 'io-ts';

/**
 * What a provider reads of their own record: the debriefs of their observations, their action
 * plans, and the coaching log (each session's summary, next steps and strategies, and the
 * feedback sent on it), since the coach shares all coaching documentation with the coachee. Each field is copied by name, so nothing else an event holds (scores above all,
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

/** A session as it stands after its corrections, with the days feedback on it was sent. */
export const CoachingLogEntry = t.type(
  {
    sessionId: Id,
    heldOn: LocalDate,
    durationMinutes: PositiveInteger,
    kind: SessionKind,
    mode: t.string,
    practices: t.array(Label),
    strategies: t.array(Label),
    summary: t.union([Text, t.null]),
    nextSteps: t.array(Text),
    feedbackSentOn: t.array(LocalDate),
  },
  'CoachingLogEntry',
);
export type CoachingLogEntry = t.TypeOf<typeof CoachingLogEntry>;

export const DebriefsView = t.type({ asOf: Instant, providerId: Id, debriefs: t.array(DebriefEntry) }, 'DebriefsView');
export const PlansView = t.type({ asOf: Instant, providerId: Id, actionPlans: t.array(PlanEntry) }, 'PlansView');
export const CoachingLogView = t.type(
  { asOf: Instant, providerId: Id, sessions: t.array(CoachingLogEntry) },
  'CoachingLogView',
);

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

type LoggedSession = Extract<RecordedEvent, { type: 'SessionLogged' }>['data'];

/** The sessions in the order they were held, corrections applied and voided ones left out. */
export const coachingLogOf = (events: ReadonlyArray<RecordedEvent>): CoachingLogEntry[] => {
  const sessions = new Map<string, LoggedSession>();
  const voided = new Set<string>();
  const feedback = new Map<string, string[]>();
  for (const event of events) {
    if (event.type === 'SessionLogged' && !sessions.has(event.data.sessionId))
      sessions.set(event.data.sessionId, event.data);
    else if (event.type === 'SessionCorrected') {
      const session = sessions.get(event.data.sessionId);
      const changes = Object.entries(event.data.changes).filter(([, value]) => value !== undefined);
      if (session) sessions.set(event.data.sessionId, { ...session, ...Object.fromEntries(changes) });
    } else if (event.type === 'SessionVoided') voided.add(event.data.sessionId);
    else if (event.type === 'FeedbackSent')
      feedback.set(event.data.sessionId, [...(feedback.get(event.data.sessionId) ?? []), event.data.sentOn]);
  }
  return [...sessions.values()]
    .filter((session) => !voided.has(session.sessionId))
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0))
    .map((session) => ({
      sessionId: session.sessionId,
      heldOn: session.heldOn,
      durationMinutes: session.durationMinutes,
      kind: session.kind,
      mode: session.mode,
      practices: session.practices,
      strategies: session.strategies,
      summary: session.summary ?? null,
      nextSteps: session.nextSteps ?? [],
      feedbackSentOn: [...(feedback.get(session.sessionId) ?? [])].sort(),
    }));
};
