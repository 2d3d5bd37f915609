import { AgeGroup, SiteSetting } from '@coachline/domain';
import { personName, numbered, PROGRAM_YEAR } from './build-cast';
import { Day, demoMonth, instantAt, monthNumberOfDay, weekdaysOfMonthBetween } from './demo-calendar';
import { DemoCoach, DemoSite, Engagement } from './demo-program';
import { DemoRandom } from './demo-random';
import { centerName, CENTER_NAME_COMBINATIONS, familyChildCareName, LAST_NAMES } from './vocabulary-people';

/** What is known of a provider at enrollment, before the year is planned around them. */
export interface ProviderSeed {
  readonly providerId: string;
  readonly name: string;
  readonly site: DemoSite;
  readonly agesServed: [AgeGroup, ...AgeGroup[]];
  readonly coachId: string;
  readonly enrolledOn: Day;
  readonly enrollAt: number;
  readonly engagement: Engagement;
}

const CENTER_SHARE = 0.7;
const JULY_ENROLLMENT_SHARE = 0.8;

const CENTER_CLASSROOMS: ReadonlyArray<readonly [[AgeGroup, ...AgeGroup[]], number]> = [
  [['preschool'], 50],
  [['toddler', 'preschool'], 10],
  [['infant', 'toddler'], 20],
  [['toddler'], 10],
  [['infant'], 10],
];

const HOME_AGES: ReadonlyArray<readonly [[AgeGroup, ...AgeGroup[]], number]> = [
  [['infant', 'toddler', 'preschool'], 50],
  [['toddler', 'preschool'], 30],
  [['infant', 'toddler'], 20],
];

const ENGAGEMENT: ReadonlyArray<readonly [Engagement, number]> = [
  ['steady', 75],
  ['variable', 20],
  ['struggling', 5],
];

interface SitePlan {
  readonly setting: SiteSetting;
  readonly classrooms: number;
}

/** Centers hold two to four coached classrooms each, a family child care home one provider. */
const planSites = (random: DemoRandom, providers: number): SitePlan[] => {
  const centerProviders = Math.round(providers * CENTER_SHARE);
  const sites: SitePlan[] = [];
  for (let placed = 0; placed < centerProviders;) {
    const classrooms = Math.min(random.int(2, 4), centerProviders - placed);
    sites.push({ setting: 'center', classrooms });
    placed += classrooms;
  }
  for (let i = centerProviders; i < providers; i++) sites.push({ setting: 'fcch', classrooms: 1 });
  return random.shuffle(sites);
};

/** Most sites join in July; some join between September and November. */
const enrollmentDay = (random: DemoRandom): Day => {
  const july = demoMonth(monthNumberOfDay(PROGRAM_YEAR.startsOn));
  if (random.chance(JULY_ENROLLMENT_SHARE)) return random.pick(weekdaysOfMonthBetween(july, 1, 25));
  return random.pick(weekdaysOfMonthBetween(demoMonth(july.number + random.int(2, 4)), 1, 20));
};

export const buildProviderSeeds = (
  random: DemoRandom,
  providers: number,
  coaches: ReadonlyArray<DemoCoach>,
): ProviderSeed[] => {
  const providerId = numbered('p-', providers, 3);
  const sites = planSites(random, providers);
  const siteId = numbered('site-', sites.length, 3);
  const caseload = providers / coaches.length;
  const seeds: ProviderSeed[] = [];
  sites.forEach((plan, siteIndex) => {
    // Every classroom of a site has the same coach; caseloads fill one coach after another.
    const coach = coaches[Math.min(coaches.length - 1, Math.floor(seeds.length / caseload))]!;
    const enrolledOn = enrollmentDay(random);
    const names = Array.from({ length: plan.classrooms }, () => personName(random));
    const siteName =
      plan.setting === 'center'
        ? centerName(random.int(0, CENTER_NAME_COMBINATIONS - 1))
        : familyChildCareName(names[0]!.split(' ')[1] ?? random.pick(LAST_NAMES));
    const site: DemoSite = { siteId: siteId(siteIndex + 1), name: siteName, setting: plan.setting };
    for (const name of names) {
      seeds.push({
        providerId: providerId(seeds.length + 1),
        name,
        site,
        agesServed: random.weighted(plan.setting === 'center' ? CENTER_CLASSROOMS : HOME_AGES),
        coachId: coach.coachId,
        enrolledOn,
        enrollAt: instantAt(enrolledOn, random.int(13 * 60, 15 * 60), random.int(0, 59)),
        engagement: random.weighted(ENGAGEMENT),
      });
    }
  });
  return seeds;
};
