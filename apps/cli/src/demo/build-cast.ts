import { Actor } from '@coachline/domain';
import { dayOf } from './demo-calendar';
import { DemoCoach, DemoCommunity } from './demo-program';
import { DemoRandom } from './demo-random';
import { COUNTIES, CREDENTIALS, FIRST_NAMES, LAST_NAMES } from './vocabulary-people';

/** The RiR Year 1 program year the demo plays out (`000`: July to June). */
export const PROGRAM_YEAR = { startsOn: dayOf('2025-07-01'), endsOn: dayOf('2026-06-30') } as const;

export const RIR_YEAR_1_GUIDE_ID = 'rir-year-1';

/** About one coach per eight providers, and never fewer than two, so caseloads can move between coaches. */
export const coachCountFor = (providers: number): number => Math.max(2, Math.round(providers / 8));

const COACHES_PER_SUPERVISOR = 6;
const COACHES_PER_COHORT = 4;
const CENTER_PROVIDERS_PER_OBSERVER = 20;

/** Zero-padded numbers, wide enough for the largest, so ids sort in numeric order. */
export const numbered = (prefix: string, count: number, minimumWidth: number) => {
  const width = Math.max(minimumWidth, String(count).length);
  return (n: number): string => `${prefix}${String(n).padStart(width, '0')}`;
};

export const personName = (random: DemoRandom): string => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;

export const buildCommunity = (random: DemoRandom): DemoCommunity => {
  const county = random.pick(COUNTIES);
  const communityId = `${county.toLowerCase()}-county`;
  return {
    communityId,
    name: `${county} County`,
    programYearId: 'rir-2025-26',
    startsOn: PROGRAM_YEAR.startsOn,
    endsOn: PROGRAM_YEAR.endsOn,
    admin: { id: `${communityId}-admin`, role: 'admin' },
    evaluator: { id: 'mmi-evaluator-01', role: 'evaluator' },
    leadershipId: `${communityId}-executive-director`,
  };
};

export const buildCoaches = (random: DemoRandom, count: number): DemoCoach[] => {
  const coachId = numbered('c-', count, 2);
  const supervisorId = numbered('sup-', Math.ceil(count / COACHES_PER_SUPERVISOR), 2);
  return Array.from({ length: count }, (_, index) => {
    const id = coachId(index + 1);
    const degree = random.pick([CREDENTIALS[0]!, CREDENTIALS[1]!, CREDENTIALS[4]!, CREDENTIALS[5]!]);
    const credentials = random.chance(0.7) ? [degree, CREDENTIALS[2]!] : [degree];
    if (random.chance(0.25)) credentials.push(random.pick([CREDENTIALS[3]!, CREDENTIALS[6]!, CREDENTIALS[7]!]));
    return {
      coachId: id,
      name: personName(random),
      // The first coach leads the others, as RiR's coach lead does.
      role: index === 0 ? 'coach-lead' : 'coach',
      actor: { id, role: 'coach' },
      supervisor: { id: supervisorId(Math.floor(index / COACHES_PER_SUPERVISOR) + 1), role: 'supervisor' },
      cohort: Math.floor(index / COACHES_PER_COHORT),
      qualifications: credentials.map((credential, n) => ({ qualificationId: `q-${id}-${n + 1}`, credential })),
    };
  });
};

/** Observers are outside staff: they record observations and debriefs but are never registered. */
export const buildObservers = (centerProviders: number): Actor[] => {
  const count = Math.max(1, Math.ceil(centerProviders / CENTER_PROVIDERS_PER_OBSERVER));
  const observerId = numbered('observer-', count, 2);
  return Array.from({ length: count }, (_, index) => ({ id: observerId(index + 1), role: 'observer' }));
};
