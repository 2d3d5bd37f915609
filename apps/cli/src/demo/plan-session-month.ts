import { SessionKind } from '@coachline/domain';
import { Issued } from './command-schedule';
import { Day, dateOf, DemoMonth, MS_PER_MINUTE, weekdaysOfMonthBetween } from './demo-calendar';
import { DemoContext } from './demo-context';
import { coachOn, DemoCoach, DemoProvider, isActiveOn } from './demo-program';
import { DemoRandom } from './demo-random';
import { monthOfYear } from './plan-onboarding';
import { LoggedSessionData, loggingInstant, planFollowUps } from './session-follow-ups';
import { NEXT_STEPS, PRACTICES_BY_PHASE, phaseOfMonth, STRATEGIES, SUMMARIES } from './vocabulary-coaching';

/**
 * The month's coaching sessions (rule 1): enough counted minutes for most providers to meet
 * the 150-minute target, fewer for some, plus consultations and other contacts that do not
 * count, and now and then a group session credited in full to each provider in it.
 */

const COUNTED_KINDS: ReadonlyArray<readonly [SessionKind, number]> = [
  ['coaching-conversation', 55],
  ['observation', 30],
  ['debrief', 15],
];
const MODES: ReadonlyArray<readonly [LoggedSessionData['mode'], number]> = [
  ['in-person', 72],
  ['virtual', 23],
  ['hybrid', 5],
];
/** Most months hold no contact of a kind that does not count; some hold one. */
const UNCOUNTED_KINDS: ReadonlyArray<readonly [SessionKind | undefined, number]> = [
  [undefined, 82],
  ['consultation', 12],
  ['other', 6],
];
const DURATIONS: ReadonlyArray<number> = [30, 45, 45, 60, 60, 60, 75, 90];
const GROUP_SESSION_CHANCE = 0.25;
/** Sessions older than this are no longer referenced by an agreement's cycle. */
const TRACE_DAYS = 45;

/** The counted minutes a provider is on course for this month, before partial months are prorated. */
const monthlyAim = (random: DemoRandom, provider: DemoProvider, month: DemoMonth): number => {
  // Now and then a classroom closes or a provider is out for the month: no visit at all.
  if (random.chance(0.02)) return 0;
  let aim: number;
  if (provider.engagement === 'steady') aim = random.chance(0.92) ? random.int(165, 240) : random.int(60, 140);
  else if (provider.engagement === 'variable') aim = random.chance(0.55) ? random.int(150, 210) : random.int(60, 140);
  else aim = random.chance(0.15) ? random.int(150, 180) : random.int(30, 120);
  // Winter holidays and the end of the school year thin out some providers' months.
  const thinMonth = monthOfYear(month.first) === 5 || monthOfYear(month.first) === 11;
  return thinMonth && random.chance(0.25) ? Math.round(aim * 0.6) : aim;
};

/** Sessions work on the goals of the action plans set by then; before the first plan, on the phase's practices. */
const practiceChoices = (context: DemoContext, provider: DemoProvider, month: DemoMonth): ReadonlyArray<string[]> => {
  const goals = provider.actionPlans
    .filter((plan) => plan.setOn <= month.first)
    .flatMap((plan) => plan.goals.map((goal) => goal.practice));
  return context.choicesOf(goals.length > 0 ? goals : PRACTICES_BY_PHASE[phaseOfMonth(monthOfYear(month.first))]!);
};

/** Every list of one to three strategies, by length, shared by all the sessions that name it. */
const STRATEGY_LISTS: ReadonlyArray<ReadonlyArray<string[]>> = [1, 2, 3].map((length) => {
  const lists: string[][] = [];
  const extend = (list: string[], from: number): void => {
    if (list.length === length) lists.push(list);
    else for (let i = from; i < STRATEGIES.length; i++) extend([...list, STRATEGIES[i]!], i + 1);
  };
  extend([], 0);
  return lists;
});

/** The next steps a session may name, as shared arrays. */
const NEXT_STEP_LISTS: ReadonlyArray<string[]> = NEXT_STEPS.map((steps) => [...steps]);

const sessionData = (
  context: DemoContext,
  provider: DemoProvider,
  coachId: string,
  heldOn: Day,
  durationMinutes: number,
  kind: SessionKind,
  practices: ReadonlyArray<string[]>,
  groupSessionId?: string,
): LoggedSessionData => {
  const { random } = context;
  const data: LoggedSessionData = {
    providerId: provider.providerId,
    sessionId: context.nextSessionId(),
    coachId,
    heldOn: dateOf(heldOn),
    durationMinutes,
    kind,
    // An observation is made on site: in person, or hybrid with a colleague joining by video.
    mode: kind === 'observation' ? (random.chance(0.85) ? 'in-person' : 'hybrid') : random.weighted(MODES),
    // Agendas are for every coaching conversation (`000`); a few are still logged without one.
    agendaUsed: kind === 'coaching-conversation' ? random.chance(0.92) : random.chance(0.5),
    practices: random.pick(practices),
    strategies: random.pick(STRATEGY_LISTS[random.int(0, 2)]!),
  };
  // Optional fields are added only when present, as a decoded event would hold them.
  if (groupSessionId !== undefined) data.groupSessionId = groupSessionId;
  if (random.chance(0.65)) data.summary = random.pick(SUMMARIES[kind]);
  if ((kind === 'coaching-conversation' || kind === 'debrief') && random.chance(0.45))
    data.nextSteps = random.pick(NEXT_STEP_LISTS);
  return data;
};

const logSession = (
  context: DemoContext,
  provider: DemoProvider,
  coach: DemoCoach,
  data: LoggedSessionData,
  heldOn: Day,
): void => {
  const logged = context.schedule.issue('LogSession', data, {
    at: loggingInstant(context.random, heldOn),
    actor: coach.actor,
  });
  const usable = planFollowUps(context, provider, data, logged, coach.actor);
  if (usable && provider.agreement)
    provider.recentSessions.push({ sessionId: data.sessionId, heldOn, loggedAt: logged.at });
};

const planProviderSessions = (
  context: DemoContext,
  provider: DemoProvider,
  month: DemoMonth,
  credited: number,
): void => {
  const { random } = context;
  const from = Math.max(month.first, provider.enrolledOn);
  const to = Math.min(month.last, provider.exit?.on ?? month.last);
  const days = month.weekdays.filter((day) => day >= from && day <= to);
  if (days.length === 0) return;
  const aim = Math.round((monthlyAim(random, provider, month) * days.length) / month.weekdays.length) - credited;
  const durations: number[] = [];
  for (let minutes = 0; minutes < aim && durations.length < days.length;) {
    const duration = random.pick(DURATIONS);
    durations.push(duration);
    minutes += duration;
  }
  const firstMonth = provider.enrolledOn >= month.first;
  const practices = practiceChoices(context, provider, month);
  random.sample(days, durations.length).forEach((heldOn, index) => {
    // The first visit observes the classroom and builds rapport (`000`, July).
    const kind = firstMonth && index === 0 ? 'observation' : random.weighted(COUNTED_KINDS);
    const coach = context.coach(coachOn(provider, heldOn));
    logSession(
      context,
      provider,
      coach,
      sessionData(context, provider, coach.coachId, heldOn, durations[index]!, kind, practices),
      heldOn,
    );
  });
  // Support outside the setting, about things the coach did not see, is consultation and does not count (rule 1).
  const uncounted = random.weighted(UNCOUNTED_KINDS);
  if (uncounted) {
    const heldOn = random.pick(days);
    const coach = context.coach(coachOn(provider, heldOn));
    const data = sessionData(context, provider, coach.coachId, heldOn, random.int(1, 3) * 15, uncounted, practices);
    logSession(context, provider, coach, data, heldOn);
  }
};

/** A coach now and then coaches several of their providers together; each is credited the full duration. */
const planGroupSessions = (
  context: DemoContext,
  month: DemoMonth,
  caseloads: ReadonlyMap<string, DemoProvider[]>,
): Map<string, number> => {
  const { random, schedule } = context;
  const credited = new Map<string, number>();
  for (const coach of context.program.coaches) {
    if (!random.chance(GROUP_SESSION_CHANCE)) continue;
    const heldOn = random.pick(weekdaysOfMonthBetween(month, 5, 25));
    const present = (caseloads.get(coach.coachId) ?? []).filter(
      (provider) => isActiveOn(provider, heldOn) && coachOn(provider, heldOn) === coach.coachId,
    );
    if (present.length < 2) continue;
    const members = random.sample(present, random.int(Math.min(3, present.length), Math.min(6, present.length)));
    const groupSessionId = context.nextGroupSessionId();
    const durationMinutes = random.pick([60, 75, 90]);
    // One sitting logs the group on each provider's stream, a minute or two apart.
    const loggedAt = loggingInstant(random, heldOn);
    let first: Issued | undefined;
    members.forEach((provider, index) => {
      const practices = practiceChoices(context, provider, month);
      const data = sessionData(
        context,
        provider,
        coach.coachId,
        heldOn,
        durationMinutes,
        'coaching-conversation',
        practices,
        groupSessionId,
      );
      const at = loggedAt + index * 2 * MS_PER_MINUTE;
      const logged = schedule.issue('LogSession', data, {
        at,
        actor: coach.actor,
        ...(first ? { correlatedWith: first } : {}),
      });
      first ??= logged;
      credited.set(provider.providerId, (credited.get(provider.providerId) ?? 0) + durationMinutes);
      if (provider.agreement) provider.recentSessions.push({ sessionId: data.sessionId, heldOn, loggedAt: at });
    });
  }
  return credited;
};

export const planSessionMonth = (context: DemoContext, month: DemoMonth): void => {
  const caseloads = new Map<string, DemoProvider[]>();
  const active = context.program.providers.filter(
    (provider) => provider.enrolledOn <= month.last && (provider.exit === undefined || provider.exit.on >= month.first),
  );
  for (const provider of active) {
    const coachId = coachOn(provider, month.first + 14);
    const caseload = caseloads.get(coachId) ?? [];
    caseload.push(provider);
    caseloads.set(coachId, caseload);
    if (provider.agreement) {
      const oldest = month.first - TRACE_DAYS;
      const kept = provider.recentSessions.filter((trace) => trace.heldOn >= oldest);
      provider.recentSessions.splice(0, provider.recentSessions.length, ...kept);
    }
  }
  const credited = planGroupSessions(context, month, caseloads);
  for (const provider of active) planProviderSessions(context, provider, month, credited.get(provider.providerId) ?? 0);
};
