import { CoachlineCommand, RecordedEvent } from '@coachline/domain';
import { buildCoaches, buildCommunity, buildObservers, coachCountFor, PROGRAM_YEAR } from './build-cast';
import { buildProviderSeeds } from './build-providers';
import { CommandSchedule } from './command-schedule';
import { demoMonth, monthNumberOfDay } from './demo-calendar';
import { DemoContext } from './demo-context';
import { DemoProgram } from './demo-program';
import { DemoRandom, MAX_DEMO_SEED } from './demo-random';
import { planAgreementMonth } from './plan-agreement-month';
import { planCoachMonth, planCoachSetup } from './plan-coach-month';
import { planCommunityMonth, planCommunitySetup, planCommunityYear } from './plan-community-month';
import { planProviderMonth } from './plan-provider-month';
import { planProviders } from './plan-providers';
import { planScreeningMonth } from './plan-screening-month';
import { planSessionMonth } from './plan-session-month';
import { planTeamsMonth } from './plan-teams';
import { ProgramRecorder } from './program-recorder';

export interface DemoProgramOptions {
  /** How many providers the community enrolls; coaches, trainings and everything else scale with it. */
  readonly providers: number;
  /** The same seed gives the same year, event for event and byte for byte. */
  readonly seed: number;
}

export const DEFAULT_DEMO_PROVIDERS = 24;
export const DEFAULT_DEMO_SEED = 1;

const checkOptions = ({ providers, seed }: DemoProgramOptions): void => {
  if (!Number.isSafeInteger(providers) || providers < 1)
    throw new RangeError(`providers must be a positive integer, got ${String(providers)}.`);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_DEMO_SEED)
    throw new RangeError(`seed must be an integer from 0 to ${MAX_DEMO_SEED}, got ${String(seed)}.`);
};

/** The cast and the year's plan, drawn from the seed before anything is recorded. */
export const planDemoProgram = (random: DemoRandom, providers: number): DemoProgram => {
  const community = buildCommunity(random);
  const coaches = buildCoaches(random, coachCountFor(providers));
  const seeds = buildProviderSeeds(random, providers, coaches);
  const observers = buildObservers(seeds.filter((seed) => seed.site.setting === 'center').length);
  return { community, coaches, providers: planProviders(random, seeds, coaches, observers) };
};

/**
 * A realistic RiR Year 1 program year (July 2025 to June 2026) of one county, as the events
 * Coachline would have recorded, in global order with positions 1, 2, 3, …
 *
 * Valid by construction: the year is planned as commands, each decided by the domain's
 * deciders against its stream's state; a refusal throws `DemoCommandRefused`. The year is
 * planned and recorded one month at a time (a month is recorded once no later month can issue
 * into it), so events stream out with flat memory however many providers there are.
 */
export function* generateDemoProgram(options: DemoProgramOptions): Generator<RecordedEvent, void, undefined> {
  checkOptions(options);
  const { content, ids } = DemoRandom.streams(options.seed);
  const program = planDemoProgram(content, options.providers);
  const schedule = new CommandSchedule(ids);
  const recorder = new ProgramRecorder(() => ids.uuid());
  const context = new DemoContext(program, content, schedule);
  const record = (commands: ReadonlyArray<CoachlineCommand>): RecordedEvent[] => recorder.recordAll(commands);

  const firstMonth = monthNumberOfDay(PROGRAM_YEAR.startsOn);
  const lastMonth = monthNumberOfDay(PROGRAM_YEAR.endsOn);
  // Setup happens in the month before the year: the county plans, approves its coaching system and hires coaches.
  planCommunitySetup(context);
  planCoachSetup(context);
  yield* record(schedule.release(firstMonth - 1));

  const yearPlan = planCommunityYear(context);
  for (let number = firstMonth; number <= lastMonth; number++) {
    const month = demoMonth(number);
    planCommunityMonth(context, month, yearPlan);
    planCoachMonth(context, month);
    for (const provider of program.providers) {
      planProviderMonth(context, provider, month);
      planScreeningMonth(context, provider, month);
    }
    planSessionMonth(context, month);
    for (const provider of program.providers) planAgreementMonth(context, provider, month);
    planTeamsMonth(context, month);
    yield* record(schedule.release(number));
  }
  // Late entries and corrections of the last weeks are recorded after the year ends.
  yield* record(schedule.releaseAll());
}
