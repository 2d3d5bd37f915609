import { MAX_COACHING_CYCLES, VisitMode } from '@coachline/domain';
import { Day, weekdayFrom } from './demo-calendar';
import { AgreementPlan } from './demo-program';
import { DemoRandom } from './demo-random';
import { between, LAST_PLANNED_DAY } from './plan-onboarding';
import { AGREEMENT_END_REASONS } from './vocabulary-community';

const VISIT_MODES: ReadonlyArray<readonly [VisitMode, number]> = [
  ['in-person', 60],
  ['combination', 30],
  ['virtual', 10],
];

export interface AgreementPlanInput {
  readonly providerId: string;
  /** The day the provider's first action plan is set; the agreement builds on its goals. */
  readonly actionPlanOn: Day;
  readonly practices: [string, ...string[]];
  readonly exitOn?: Day;
  readonly raisesConcern: boolean;
}

/**
 * A STARS to Quality Coaching agreement (`002`, rule 9): drafted after the first action
 * plan, signed by coach, supervisor and coachee, then a cycle every two (sometimes three)
 * weeks up to the estimate. It ends when the estimate is reached or the coachee leaves.
 */
export const planAgreement = (random: DemoRandom, input: AgreementPlanInput): AgreementPlan => {
  const draftOn = weekdayFrom(input.actionPlanOn + random.int(5, 25));
  const supervisorSignsOn = weekdayFrom(draftOn + random.int(1, 5));
  const coacheeSignsOn = weekdayFrom(draftOn + random.int(1, 7));
  const activeSince = Math.max(supervisorSignsOn, coacheeSignsOn);
  const everyTwoWeeks = random.chance(0.8);
  const cadenceDays = everyTwoWeeks ? 14 : 21;
  const estimatedCycles = random.int(6, MAX_COACHING_CYCLES);
  const lastCycleDay = Math.min(
    LAST_PLANNED_DAY - 10,
    input.exitOn === undefined ? LAST_PLANNED_DAY : input.exitOn - 1,
  );
  const cycleDays: Day[] = [];
  for (let cycle = 1; cycle <= estimatedCycles; cycle++) {
    const previous = cycleDays[cycleDays.length - 1] ?? activeSince;
    const day = weekdayFrom(Math.max(activeSince + cycle * cadenceDays + random.int(-2, 2), previous + 1));
    if (day > lastCycleDay) break;
    cycleDays.push(day);
  }
  const last = cycleDays[cycleDays.length - 1] ?? activeSince;
  const end =
    input.exitOn !== undefined
      ? { on: input.exitOn, reason: AGREEMENT_END_REASONS.exited }
      : cycleDays.length === estimatedCycles
        ? { on: weekdayFrom(last + random.int(1, 10)), reason: AGREEMENT_END_REASONS.completed }
        : undefined;
  // A concern comes up a few weeks into the coaching, while the agreement is still running.
  const concernDay = Math.max(
    activeSince,
    Math.min(weekdayFrom(activeSince + random.int(15, 35)), (end?.on ?? LAST_PLANNED_DAY) - 1),
  );
  const raisedBy = random.chance(0.5) ? ('coach' as const) : ('coachee' as const);
  return {
    agreementId: `stars-${input.providerId}-1`,
    draftOn,
    supervisorSignsOn,
    coacheeSignsOn,
    practices: input.practices,
    visitMode: random.weighted(VISIT_MODES),
    estimatedCycles,
    cadence: everyTwoWeeks ? 'every-two-weeks' : { other: 'every three weeks' },
    cycleDays,
    ...(input.raisesConcern ? { concern: { at: between(random, concernDay, 20, 23), raisedBy } } : {}),
    ...(end && end.on <= LAST_PLANNED_DAY ? { end } : {}),
  };
};
