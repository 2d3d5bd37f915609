import { Actor } from '@coachline/domain';
import { PROGRAM_YEAR } from './build-cast';
import { ProviderSeed } from './build-providers';
import { Day, dayOf, dayOfInstant, instantAt, monthNumberOfDay, weekdayFrom } from './demo-calendar';
import { ActionPlanPlan, GoalPlan, ObservationPlan } from './demo-program';
import { DemoRandom } from './demo-random';
import { ACTION_PLAN_STEPS, GOAL_DESCRIPTIONS, PRACTICES_BY_PHASE, phaseOfMonth } from './vocabulary-coaching';

/**
 * The initial data of the first two months (rule 3) and the action plans that follow, as
 * dates and issue instants. Each step is recorded after the one it depends on, so the
 * commands replay in order whatever the month they fall in.
 */

const minutes = (hours: number): number => hours * 60;

/** An instant on `day` between two hours of the day (UTC), to the second, e.g. an evening's data entry. */
export const between = (random: DemoRandom, day: Day, fromHour: number, toHour: number): number =>
  instantAt(day, random.int(minutes(fromHour), minutes(toHour) - 1), random.int(0, 59));

/** The last day anything of the year is planned on, leaving the final days for late entries. */
export const LAST_PLANNED_DAY = PROGRAM_YEAR.endsOn - 4;

export const monthOfYear = (day: Day): number => monthNumberOfDay(day) - monthNumberOfDay(PROGRAM_YEAR.startsOn);

export const planObservation = (
  random: DemoRandom,
  seed: ProviderSeed,
  observer: Actor,
  withdraws: boolean,
): ObservationPlan => {
  const signedOn = weekdayFrom(seed.enrolledOn + random.int(0, 6));
  const uploadAt = between(random, signedOn + random.int(0, 2), 17, 22);
  const scheduleDay = dayOfInstant(uploadAt) + random.int(1, 3);
  const scheduledFor = weekdayFrom(scheduleDay + random.int(5, 14));
  // Observations move: most happen on the day planned, some a few days later.
  const observedOn = random.chance(0.8) ? scheduledFor : weekdayFrom(scheduledFor + random.int(1, 3));
  const completeAt = between(random, observedOn + random.int(0, 3), 18, 21);
  const debriefOn = weekdayFrom(Math.max(observedOn + random.int(2, 7), dayOfInstant(completeAt)));
  const id = seed.providerId;
  return {
    consentId: `consent-${id}-1`,
    instrument: seed.agesServed.includes('preschool') ? 'TPOT' : 'TPITOS',
    signedOn,
    uploadAt,
    observationId: `observation-${id}-1`,
    observer,
    scheduleAt: between(random, scheduleDay, 15, 20),
    scheduledFor,
    observedOn,
    completeAt,
    debriefOn,
    debriefAt: Math.max(between(random, debriefOn, 21, 24), completeAt + 10 * 60_000),
    // Consent withdrawn in the spring, long after the initial observation was debriefed.
    ...(withdraws
      ? { withdrawnOn: weekdayFrom(Math.max(debriefOn + 30, dayOf('2026-02-02') + random.int(0, 60))) }
      : {}),
  };
};

const goalsFor = (
  random: DemoRandom,
  providerId: string,
  practices: ReadonlyArray<string>,
  firstGoal: number,
  setOn: Day,
  lastDay: Day,
): GoalPlan[] =>
  practices.map((practice, index) => {
    const achievedOn = weekdayFrom(setOn + random.int(21, 120));
    const achieved = random.chance(0.55) && achievedOn <= lastDay;
    return {
      goalId: `goal-${providerId}-${firstGoal + index}`,
      practice,
      description: GOAL_DESCRIPTIONS[practice] ?? 'Use the practice every day.',
      ...(achieved ? { achievedOn } : {}),
    };
  });

/**
 * The joint action plan set once the initial data is in (rule 3), and for about half of the
 * providers a second plan in January, after Modules 1A and 1B, working on the next practices.
 */
export const planActionPlans = (
  random: DemoRandom,
  seed: ProviderSeed,
  initialDataDone: Day,
  exitOn: Day | undefined,
): ActionPlanPlan[] => {
  const id = seed.providerId;
  const lastDay = Math.min(LAST_PLANNED_DAY, exitOn === undefined ? LAST_PLANNED_DAY : exitOn - 3);
  const setOn = weekdayFrom(initialDataDone + random.int(1, 6));
  const firstPractices = random.sample(
    [...PRACTICES_BY_PHASE[0]!, ...PRACTICES_BY_PHASE[1]!.slice(1)],
    random.int(2, 3),
  );
  const plans: ActionPlanPlan[] = [
    {
      actionPlanId: `plan-${id}-1`,
      setOn,
      goals: goalsFor(random, id, firstPractices, 1, setOn, lastDay),
      steps: random.pick(ACTION_PLAN_STEPS),
    },
  ];
  const januarySetOn = weekdayFrom(dayOf('2026-01-05') + random.int(0, 20));
  if (random.chance(0.5) && januarySetOn > setOn + 30 && januarySetOn + 7 < lastDay) {
    const nextPractices = PRACTICES_BY_PHASE[phaseOfMonth(monthOfYear(januarySetOn)) + 1]!.filter(
      (p) => !firstPractices.includes(p),
    );
    plans.push({
      actionPlanId: `plan-${id}-2`,
      setOn: januarySetOn,
      goals: goalsFor(
        random,
        id,
        random.sample(nextPractices, random.int(1, 2)),
        firstPractices.length + 1,
        januarySetOn,
        lastDay,
      ),
      steps: random.pick(ACTION_PLAN_STEPS),
    });
  }
  return plans;
};
