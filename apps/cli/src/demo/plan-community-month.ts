import { CoachingSystemComponent, TrainingModule } from '@coachline/domain';
import { RIR_YEAR_1_GUIDE_ID } from './build-cast';
import { dateOf, dayOf, DemoMonth, weekdaysOfMonthBetween } from './demo-calendar';
import { DemoContext } from './demo-context';
import { coachOn, DemoProvider, isActiveOn } from './demo-program';
import {
  planChecklistUpdate,
  planCoachingSystemReviews,
  planCoachingSystemSharing,
  planTrainingFeedback,
} from './plan-coaching-system';
import { between, monthOfYear } from './plan-onboarding';
import { COACHING_SYSTEM, implementationPlan, MEETING_TOPICS } from './vocabulary-community';

/**
 * The community's own acts: its setup before the year, trainings and their feedback, the coaching system's checklist,
 * collaboration meetings and the focus group.
 */

/** Year 1's trainings, in the months the guide suggests (`000`; rule 6 leaves the choice to the community). */
const TRAININGS: ReadonlyArray<{
  readonly module: TrainingModule;
  readonly monthOfYear: number;
  readonly from: number;
  readonly to: number;
}> = [
  { module: 'director-training', monthOfYear: 0, from: 14, to: 25 },
  { module: 'module-1a', monthOfYear: 2, from: 8, to: 26 },
  { module: 'module-1b', monthOfYear: 4, from: 3, to: 21 },
  { module: 'module-2a', monthOfYear: 7, from: 2, to: 20 },
  { module: 'module-2b', monthOfYear: 9, from: 6, to: 24 },
];

/** Provider Collaboration Meetings in the months the guide lists (rule 7: 6 to 12 a year). */
const MEETING_MONTHS: ReadonlyArray<number> = [1, 3, 4, 6, 7, 8, 10];
const MEETING_ATTENDEES_AT_MOST = 60;

export const planCommunitySetup = (context: DemoContext): void => {
  const { random, schedule, program } = context;
  const { community } = program;
  const admin = community.admin;
  const communityId = community.communityId;
  schedule.issue(
    'RegisterCommunity',
    { communityId, name: community.name, kind: 'county' },
    { at: between(random, dayOf('2025-06-02'), 9, 11), actor: admin },
  );
  implementationPlan(community.name).forEach((step, index) => {
    schedule.issue(
      'RecordImplementationPlanStep',
      {
        communityId,
        step: step.step,
        answers: { ...step.answers },
        plan: step.plan,
        ...(step.trainingNeeds ? { trainingNeeds: [...step.trainingNeeds] } : {}),
      },
      { at: between(random, dayOf('2025-06-03') + index, 15, 20), actor: admin },
    );
  });
  CoachingSystemComponent.values.forEach((component, index) => {
    schedule.issue(
      'DefineCoachingSystemComponent',
      { communityId, component, text: COACHING_SYSTEM[component], definedOn: dateOf(dayOf('2025-06-16') + index) },
      { at: between(random, dayOf('2025-06-16') + index, 15, 20), actor: admin },
    );
  });
  const approvedOn = dayOf('2025-06-25');
  schedule.issue(
    'ApproveCoachingSystem',
    { communityId, approvedBy: community.leadershipId, approvedOn: dateOf(approvedOn) },
    { at: between(random, approvedOn, 15, 17), actor: admin },
  );
  planCoachingSystemReviews(context, planCoachingSystemSharing(context, approvedOn));
  schedule.issue(
    'StartProgramYear',
    {
      communityId,
      programYearId: community.programYearId,
      guideId: RIR_YEAR_1_GUIDE_ID,
      startsOn: dateOf(community.startsOn),
      endsOn: dateOf(community.endsOn),
    },
    { at: between(random, approvedOn + 1, 14, 16), actor: admin },
  );
};

/** Providers by the cohort of their coach in the middle of the month. */
const providersByCohort = (context: DemoContext, month: DemoMonth): Map<number, DemoProvider[]> => {
  const middle = month.first + 14;
  const cohorts = new Map<number, DemoProvider[]>();
  for (const provider of context.program.providers) {
    if (provider.enrolledOn > month.last || (provider.exit && provider.exit.on < month.first)) continue;
    const cohort = context.coach(coachOn(provider, middle)).cohort;
    const members = cohorts.get(cohort) ?? [];
    members.push(provider);
    cohorts.set(cohort, members);
  }
  return cohorts;
};

/** Each module is trained cohort by cohort: a few coaches and their providers in one room. */
const planTrainings = (context: DemoContext, month: DemoMonth): void => {
  const { random, schedule, program } = context;
  const training = TRAININGS.find((candidate) => candidate.monthOfYear === monthOfYear(month.first));
  if (!training) return;
  const days = weekdaysOfMonthBetween(month, training.from, training.to);
  const cohorts = providersByCohort(context, month);
  const cohortCount = program.coaches.reduce((count, coach) => Math.max(count, coach.cohort + 1), 0);
  for (let cohort = 0; cohort < cohortCount; cohort++) {
    const heldOn = random.pick(days);
    const coachIds = program.coaches.filter((coach) => coach.cohort === cohort).map((coach) => coach.coachId);
    // The Director Training is for those who run a program: family child care providers run their own home.
    const providerIds = (cohorts.get(cohort) ?? [])
      .filter((provider) => isActiveOn(provider, heldOn))
      .filter((provider) =>
        training.module === 'director-training' ? provider.site.setting === 'fcch' : random.chance(0.9),
      )
      .map((provider) => provider.providerId);
    const trainingId = `training-${training.module}-${cohort + 1}`;
    const recorded = schedule.issue(
      'RecordTraining',
      {
        communityId: program.community.communityId,
        trainingId,
        module: training.module,
        heldOn: dateOf(heldOn),
        attendees: { providerIds, coachIds },
      },
      { at: between(random, heldOn + random.int(0, 3), 15, 20), actor: program.community.admin },
    );
    const attendees = providerIds.length + coachIds.length;
    planTrainingFeedback(context, recorded, {
      trainingId,
      heldOn,
      attendees,
      ordinal: TRAININGS.indexOf(training) + cohort,
    });
  }
};

const planCollaborationMeeting = (
  context: DemoContext,
  month: DemoMonth,
  meetingMonths: ReadonlyArray<number>,
): void => {
  const { random, schedule, program } = context;
  const index = meetingMonths.indexOf(monthOfYear(month.first));
  if (index < 0) return;
  const heldOn = random.pick(weekdaysOfMonthBetween(month, 8, 22));
  const coaches = program.coaches;
  const facilitators = [coaches[(2 * index) % coaches.length]!, coaches[(2 * index + 1) % coaches.length]!];
  const active = program.providers.filter((provider) => isActiveOn(provider, heldOn));
  // About half of the providers come, up to a room's worth.
  const attending = Math.max(1, Math.round((active.length * random.int(40, 70)) / 100));
  const attendees = random.sample(active, Math.min(MEETING_ATTENDEES_AT_MOST, attending));
  const nextTopic = index + 1 < meetingMonths.length ? MEETING_TOPICS[index + 1] : undefined;
  schedule.issue(
    'RecordProviderCollaborationMeeting',
    {
      communityId: program.community.communityId,
      meetingId: `meeting-${index + 1}`,
      heldOn: dateOf(heldOn),
      facilitatorIds: [...new Set(facilitators.map((coach) => coach.coachId))],
      attendeeIds: attendees.map((provider) => provider.providerId),
      topic: MEETING_TOPICS[index]!,
      ...(nextTopic ? { nextTopic } : {}),
    },
    { at: between(random, heldOn + random.int(0, 2), 18, 23), actor: facilitators[0]!.actor },
  );
};

export const planCommunityMonth = (context: DemoContext, month: DemoMonth, plan: CommunityYearPlan): void => {
  planTrainings(context, month);
  planChecklistUpdate(context, month);
  planCollaborationMeeting(context, month, plan.meetingMonths);
  if (monthOfYear(month.first) === plan.focusGroupMonth) {
    const { random, schedule, program } = context;
    const heldOn = random.pick(weekdaysOfMonthBetween(month, 10, 25));
    schedule.issue(
      'RecordFocusGroup',
      { communityId: program.community.communityId, heldOn: dateOf(heldOn) },
      { at: between(random, heldOn + random.int(0, 1), 17, 22), actor: program.community.evaluator },
    );
  }
};

export interface CommunityYearPlan {
  readonly meetingMonths: ReadonlyArray<number>;
  readonly focusGroupMonth: number;
}

/** Seven to eight meetings (an extra one in April or June for some communities) and the focus group in April or May. */
export const planCommunityYear = (context: DemoContext): CommunityYearPlan => {
  const { random } = context;
  const extra = random.weighted<number | undefined>([
    [undefined, 2],
    [9, 1],
    [11, 1],
  ]);
  const meetingMonths = extra === undefined ? MEETING_MONTHS : [...MEETING_MONTHS, extra].sort((a, b) => a - b);
  return { meetingMonths, focusGroupMonth: random.pick([9, 10]) };
};
