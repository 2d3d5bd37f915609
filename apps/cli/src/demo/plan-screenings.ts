import * as E from 'fp-ts/Either';
import {
  AgeGroup,
  ASQ_SE2_AGE_INTERVALS,
  AsqSe2AgeInterval,
  AsqSe2CutoffTable,
  AsqSe2Zone,
  zoneFor,
} from '@coachline/domain';
import { ProviderSeed } from './build-providers';
import { Day, dayOfInstant, weekdayFrom } from './demo-calendar';
import { ScreeningPlan } from './demo-program';
import { DemoRandom } from './demo-random';
import { between } from './plan-onboarding';
import { ASQ_FOLLOW_UPS } from './vocabulary-coaching';

/**
 * Made-up cutoffs, for the demo only. The publisher's tables are configuration and never
 * written into code; these numbers only need to place each demo score in a zone.
 */
export const DEMO_ASQ_SE2_CUTOFFS: AsqSe2CutoffTable = {
  intervals: ASQ_SE2_AGE_INTERVALS.map((ageIntervalMonths, i) => ({
    ageIntervalMonths,
    monitoringFrom: 20 + 5 * i,
    cutoff: 35 + 8 * i,
  })),
};

const INTERVALS_BY_AGE: Readonly<Record<AgeGroup, ReadonlyArray<AsqSe2AgeInterval>>> = {
  infant: [2, 6, 12],
  toddler: [18, 24, 30],
  preschool: [36, 48, 60],
};

const ZONES: ReadonlyArray<readonly [AsqSe2Zone, number]> = [
  ['below-cutoff', 78],
  ['monitoring', 13],
  ['above-cutoff', 9],
];

const cutoffsOf = (interval: AsqSe2AgeInterval) =>
  DEMO_ASQ_SE2_CUTOFFS.intervals.find((entry) => entry.ageIntervalMonths === interval)!;

const scoreIn = (random: DemoRandom, interval: AsqSe2AgeInterval, zone: AsqSe2Zone): number => {
  const { monitoringFrom, cutoff } = cutoffsOf(interval);
  if (zone === 'below-cutoff') return random.int(0, monitoringFrom - 1);
  if (zone === 'monitoring') return random.int(monitoringFrom, cutoff);
  return random.int(cutoff + 1, cutoff + 60);
};

/**
 * ASQ-SE2 screenings for two or three children in the provider's care: distributed and
 * scored within the first two months (rule 3), followed up when a score is of concern.
 */
export const planScreenings = (
  random: DemoRandom,
  seed: ProviderSeed,
  nextScreeningId: () => string,
): ScreeningPlan[] =>
  Array.from({ length: random.int(2, 3) }, () => {
    const ageIntervalMonths = random.pick(INTERVALS_BY_AGE[random.pick(seed.agesServed)]);
    const distributedOn = weekdayFrom(seed.enrolledOn + random.int(2, 18));
    const scoredOn = weekdayFrom(distributedOn + random.int(7, 21));
    const score = scoreIn(random, ageIntervalMonths, random.weighted(ZONES));
    // The zone is read off the table, as the application does, so score and zone always agree.
    const zone = zoneFor(DEMO_ASQ_SE2_CUTOFFS, ageIntervalMonths, score);
    if (E.isLeft(zone)) throw new Error(`The demo cutoff table lacks the ${ageIntervalMonths}-month interval.`);
    const scoreAt = between(random, scoredOn + random.int(0, 2), 17, 22);
    const followUpOn = weekdayFrom(dayOfInstant(scoreAt) + random.int(1, 14));
    return {
      screeningId: nextScreeningId(),
      // A pseudonym: children are never named in an event (rule 11).
      childRef: `child-${random.hex(12)}`,
      ageIntervalMonths,
      distributedOn,
      distributeAt: between(random, distributedOn + random.int(0, 1), 17, 22),
      scoredOn,
      scoreAt,
      score,
      zone: zone.right,
      ...(zone.right === 'below-cutoff'
        ? {}
        : {
            followUp: {
              on: followUpOn,
              at: between(random, followUpOn + random.int(0, 1), 17, 22),
              action: random.pick(ASQ_FOLLOW_UPS[zone.right]),
            },
          }),
    };
  });

/** The last day anything is recorded on a screening, before which its child's data cannot be erased. */
export const lastRecordedDayOf = (screening: ScreeningPlan): Day =>
  dayOfInstant(screening.followUp?.at ?? screening.scoreAt);
