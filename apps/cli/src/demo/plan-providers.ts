import { Actor } from '@coachline/domain';
import { numbered, PROGRAM_YEAR } from './build-cast';
import { ProviderSeed } from './build-providers';
import { dayOf, monthNumberOfDay, weekdayFrom } from './demo-calendar';
import { DemoCoach, DemoProvider, ScreeningPlan } from './demo-program';
import { DemoRandom } from './demo-random';
import { planAgreement } from './plan-agreement';
import { between, LAST_PLANNED_DAY, planActionPlans, planObservation } from './plan-onboarding';
import { lastRecordedDayOf, planScreenings } from './plan-screenings';
import { EXIT_REASONS } from './vocabulary-community';

/** Who, among the providers, lives through the year's less common events. */
interface Exceptions {
  readonly exits: ReadonlySet<string>;
  readonly reassignments: ReadonlySet<string>;
  readonly consentWithdrawals: ReadonlySet<string>;
  readonly agreements: ReadonlySet<string>;
  readonly concerns: ReadonlySet<string>;
}

const ids = (seeds: ReadonlyArray<ProviderSeed>): Set<string> => new Set(seeds.map((seed) => seed.providerId));

/** Below this many providers, rare events happen only as often as their share says. */
const SMALLEST_PROGRAM_WITH_EVERY_EVENT = 10;

const chooseExceptions = (random: DemoRandom, seeds: ReadonlyArray<ProviderSeed>): Exceptions => {
  // A share of `count`, rounded, with a floor so that a demo of ten providers or more shows every kind of event.
  const share = (count: number, fraction: number, floor: number): number =>
    Math.min(
      count,
      Math.max(seeds.length >= SMALLEST_PROGRAM_WITH_EVERY_EVENT ? floor : 0, Math.round(count * fraction)),
    );
  const july = monthNumberOfDay(PROGRAM_YEAR.startsOn);
  // A provider who leaves has been in the program a while: only July enrollees exit, from December on.
  const julyEnrollees = seeds.filter((seed) => monthNumberOfDay(seed.enrolledOn) === july);
  const exits = ids(random.sample(julyEnrollees, share(julyEnrollees.length, 0.04, 1)));
  const staying = seeds.filter((seed) => !exits.has(seed.providerId));
  const reassignable = staying.filter((seed) => monthNumberOfDay(seed.enrolledOn) <= july + 2);
  const reassignments = ids(random.sample(reassignable, share(reassignable.length, 0.02, 2)));
  const centers = staying.filter((seed) => seed.site.setting === 'center');
  const consentWithdrawals = ids(random.sample(centers, share(centers.length, 0.01, 1)));
  const agreementSeeds = random.sample(seeds, Math.round(seeds.length * 0.3));
  const agreements = ids(agreementSeeds);
  const concernable = agreementSeeds.filter((seed) => !exits.has(seed.providerId));
  const concerns = ids(random.sample(concernable, share(concernable.length, 0.025, 1)));
  return { exits, reassignments, consentWithdrawals, agreements, concerns };
};

const planProvider = (
  random: DemoRandom,
  seed: ProviderSeed,
  exceptions: Exceptions,
  coaches: ReadonlyArray<DemoCoach>,
  observers: ReadonlyArray<Actor>,
  nextScreeningId: () => string,
): DemoProvider => {
  const id = seed.providerId;
  const exitOn = exceptions.exits.has(id) ? weekdayFrom(dayOf('2025-12-01') + random.int(0, 150)) : undefined;
  const exit =
    exitOn === undefined
      ? undefined
      : { on: exitOn, at: between(random, exitOn + random.int(0, 1), 15, 17), reason: random.pick(EXIT_REASONS) };
  const coachIndex = coaches.findIndex((coach) => coach.coachId === seed.coachId);
  const reassignment = exceptions.reassignments.has(id)
    ? {
        on: weekdayFrom(dayOf('2025-10-01') + random.int(0, 180)),
        toCoachId: coaches[(coachIndex + 1) % coaches.length]!.coachId,
      }
    : undefined;
  const surveyOn = weekdayFrom(seed.enrolledOn + random.int(1, 15));
  const boqOn = weekdayFrom(seed.enrolledOn + random.int(7, 40));
  const observation =
    seed.site.setting === 'center'
      ? planObservation(random, seed, random.pick(observers), exceptions.consentWithdrawals.has(id))
      : undefined;
  const actionPlans = planActionPlans(random, seed, Math.max(surveyOn, boqOn, observation?.debriefOn ?? 0), exitOn);
  const screenings = planScreenings(random, seed, nextScreeningId);
  const firstPlan = actionPlans[0]!;
  const agreement = exceptions.agreements.has(id)
    ? planAgreement(random, {
        providerId: id,
        actionPlanOn: firstPlan.setOn,
        practices: firstPlan.goals.map((goal) => goal.practice) as [string, ...string[]],
        ...(exitOn === undefined ? {} : { exitOn }),
        raisesConcern: exceptions.concerns.has(id),
      })
    : undefined;
  const transitions = exit === undefined && random.chance(0.85);
  return {
    ...seed,
    actor: { id, role: 'provider' },
    surveyOn,
    boqOn,
    ...(observation ? { observation } : {}),
    actionPlans,
    screenings,
    ...(agreement ? { agreement } : {}),
    ...(reassignment ? { reassignment } : {}),
    ...(exit ? { exit } : {}),
    ...(transitions ? { transitionOn: weekdayFrom(dayOf('2026-06-15') + random.int(0, 9)) } : {}),
    recentSessions: [],
  };
};

/**
 * One family asks for their child's data to be erased (rule 11), some weeks after the
 * screening's last act, so nothing is recorded on it afterwards.
 */
const withOneErasure = (random: DemoRandom, providers: DemoProvider[]): DemoProvider[] => {
  const february = dayOf('2026-02-02');
  const candidates = providers.flatMap((provider, index) =>
    provider.screenings.map((screening) => ({ index, screening })),
  );
  const chosen =
    candidates.find(({ screening }) => screening.followUp === undefined && lastRecordedDayOf(screening) < february) ??
    candidates[0];
  if (!chosen) return providers;
  const erasedOn = weekdayFrom(Math.max(february + random.int(0, 30), lastRecordedDayOf(chosen.screening) + 7));
  if (erasedOn > LAST_PLANNED_DAY) return providers;
  const provider = providers[chosen.index]!;
  const screenings: ScreeningPlan[] = provider.screenings.map((screening) =>
    screening === chosen.screening ? { ...screening, erasedOn } : screening,
  );
  return providers.map((candidate, index) => (index === chosen.index ? { ...provider, screenings } : candidate));
};

export const planProviders = (
  random: DemoRandom,
  seeds: ReadonlyArray<ProviderSeed>,
  coaches: ReadonlyArray<DemoCoach>,
  observers: ReadonlyArray<Actor>,
): DemoProvider[] => {
  const exceptions = chooseExceptions(random, seeds);
  const screeningId = numbered('asq-', seeds.length * 3, 5);
  let screenings = 0;
  const providers = seeds.map((seed) =>
    planProvider(random, seed, exceptions, coaches, observers, () => screeningId(++screenings)),
  );
  return withOneErasure(random, providers);
};
