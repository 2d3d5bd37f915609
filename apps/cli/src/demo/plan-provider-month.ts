import { BoqForm } from '@coachline/domain';
import { Day, dateOf, dayOfInstant, DemoMonth } from './demo-calendar';
import { DemoContext } from './demo-context';
import { beforeExit, coachOn, DemoProvider, ObservationPlan } from './demo-program';
import { DemoRandom } from './demo-random';
import { between } from './plan-onboarding';
import { DEBRIEF_NEXT_STEPS, STRENGTHS } from './vocabulary-coaching';

/**
 * A provider's acts other than sessions and agreements, in the month they happen: enrollment,
 * the initial data of rule 3, action plans and goals, and the year's turns (reassignment,
 * exit, consent withdrawn, Year 2).
 */

const BOQ_ELEMENTS: Readonly<Record<BoqForm, ReadonlyArray<string>>> = {
  BOQ: [
    'leadership-team',
    'staff-buy-in',
    'family-engagement',
    'program-wide-expectations',
    'classroom-adoption',
    'procedures-for-challenging-behavior',
    'staff-support-plan',
    'monitoring-implementation-and-outcomes',
  ],
  'FCCH-BOQ': [
    'commitment-to-implementation',
    'family-engagement',
    'program-expectations',
    'teaching-expectations',
    'procedures-for-challenging-behavior',
    'professional-development',
    'monitoring-implementation-and-outcomes',
  ],
};

const inMonth = (month: DemoMonth, day: Day): boolean => day >= month.first && day <= month.last;

const ratingsFor = (random: DemoRandom, form: BoqForm): Record<string, number> =>
  Object.fromEntries(
    BOQ_ELEMENTS[form].map((element) => [
      element,
      random.weighted([
        [0, 25],
        [1, 50],
        [2, 25],
      ] as const),
    ]),
  );

/** TPOT: key practices as a percentage of indicators, red flags counted apart; TPITOS likewise (`DOMAIN`, instruments). */
const scoresFor = (random: DemoRandom, observation: ObservationPlan): Record<string, number> =>
  observation.instrument === 'TPOT'
    ? {
        keyPracticesPercent: random.int(25, 85),
        redFlags: random.int(0, 6),
        responsesToChallengingBehaviorPercent: random.int(20, 100),
      }
    : { keyPracticesPercent: random.int(30, 90), redFlags: random.int(0, 5) };

const planEvaluation = (
  context: DemoContext,
  provider: DemoProvider,
  observation: ObservationPlan,
  month: DemoMonth,
): void => {
  const { random, schedule } = context;
  const { providerId } = provider;
  const coach = context.coach(coachOn(provider, month.first)).actor;
  if (inMonth(month, dayOfInstant(observation.uploadAt))) {
    const uploaded = schedule.issue(
      'UploadConsent',
      {
        providerId,
        consentId: observation.consentId,
        instrument: observation.instrument,
        signedOn: dateOf(observation.signedOn),
        document: {
          uri: `sharepoint://${context.program.community.communityId}/evaluation-consents/${observation.consentId}.pdf`,
          sha256: random.hex(64),
        },
      },
      { at: observation.uploadAt, actor: coach },
    );
    context.flows.set(observation.observationId, uploaded);
  }
  const flow = context.flows.get(observation.observationId);
  const link = flow ? { causedBy: flow } : {};
  if (inMonth(month, dayOfInstant(observation.scheduleAt)))
    schedule.issue(
      'ScheduleObservation',
      {
        providerId,
        observationId: observation.observationId,
        instrument: observation.instrument,
        scheduledFor: dateOf(observation.scheduledFor),
        observerId: observation.observer.id,
      },
      { at: observation.scheduleAt, actor: coach, ...link },
    );
  if (inMonth(month, dayOfInstant(observation.completeAt)))
    schedule.issue(
      'CompleteObservation',
      {
        providerId,
        observationId: observation.observationId,
        observedOn: dateOf(observation.observedOn),
        scores: scoresFor(random, observation),
      },
      { at: observation.completeAt, actor: observation.observer, ...link },
    );
  // Providers see the debrief's strengths and next steps, never the scores (rule 5).
  if (inMonth(month, dayOfInstant(observation.debriefAt)))
    schedule.issue(
      'HoldDebrief',
      {
        providerId,
        observationId: observation.observationId,
        heldOn: dateOf(observation.debriefOn),
        strengths: random.sample(STRENGTHS, 2),
        nextSteps: random.sample(DEBRIEF_NEXT_STEPS, random.int(1, 2)),
      },
      { at: observation.debriefAt, actor: observation.observer, ...link },
    );
  if (observation.withdrawnOn !== undefined && inMonth(month, observation.withdrawnOn))
    schedule.issue(
      'WithdrawConsent',
      { providerId, consentId: observation.consentId, withdrawnOn: dateOf(observation.withdrawnOn) },
      { at: between(random, observation.withdrawnOn, 17, 22), actor: coach },
    );
};

const planActionPlansAndGoals = (context: DemoContext, provider: DemoProvider, month: DemoMonth): void => {
  const { random, schedule } = context;
  const { providerId } = provider;
  for (const plan of provider.actionPlans) {
    if (inMonth(month, plan.setOn))
      schedule.issue(
        'SetActionPlan',
        {
          providerId,
          actionPlanId: plan.actionPlanId,
          goals: plan.goals.map(({ goalId, practice, description }) => ({ goalId, practice, description })),
          steps: [...plan.steps],
          setOn: dateOf(plan.setOn),
        },
        { at: between(random, plan.setOn, 18, 22), actor: context.coach(coachOn(provider, plan.setOn)).actor },
      );
    for (const goal of plan.goals) {
      if (goal.achievedOn === undefined || !inMonth(month, goal.achievedOn)) continue;
      const at = between(random, goal.achievedOn + random.int(0, 1), 17, 22);
      if (beforeExit(provider, at))
        schedule.issue(
          'RecordGoalAchieved',
          { providerId, goalId: goal.goalId, on: dateOf(goal.achievedOn) },
          { at, actor: context.coach(coachOn(provider, goal.achievedOn)).actor },
        );
    }
  }
};

const planEnrollmentAndTurns = (context: DemoContext, provider: DemoProvider, month: DemoMonth): void => {
  const { random, schedule, program } = context;
  const { providerId } = provider;
  const admin = program.community.admin;
  if (inMonth(month, provider.enrolledOn))
    schedule.issue(
      'EnrollProvider',
      {
        providerId,
        communityId: program.community.communityId,
        programYearId: program.community.programYearId,
        name: provider.name,
        site: provider.site,
        agesServed: provider.agesServed,
        coachId: provider.coachId,
        enrolledOn: dateOf(provider.enrolledOn),
      },
      { at: provider.enrollAt, actor: admin },
    );
  if (inMonth(month, provider.surveyOn))
    schedule.issue(
      'CompleteDemographicSurvey',
      { providerId, completedOn: dateOf(provider.surveyOn) },
      {
        at: between(random, provider.surveyOn + random.int(0, 2), 17, 22),
        actor: context.coach(coachOn(provider, provider.surveyOn)).actor,
      },
    );
  if (inMonth(month, provider.boqOn)) {
    const form: BoqForm = provider.site.setting === 'center' ? 'BOQ' : 'FCCH-BOQ';
    schedule.issue(
      'CompleteBenchmarksOfQuality',
      {
        providerId,
        boqId: `boq-${providerId}-1`,
        form,
        formVersion: '2025-26',
        completedOn: dateOf(provider.boqOn),
        ratings: ratingsFor(random, form),
      },
      {
        at: between(random, provider.boqOn + random.int(0, 2), 17, 22),
        actor: context.coach(coachOn(provider, provider.boqOn)).actor,
      },
    );
  }
  const reassignment = provider.reassignment;
  if (reassignment && inMonth(month, reassignment.on))
    schedule.issue(
      'ReassignProvider',
      { providerId, fromCoachId: provider.coachId, toCoachId: reassignment.toCoachId, on: dateOf(reassignment.on) },
      { at: between(random, reassignment.on, 13, 16), actor: admin },
    );
  if (provider.exit && inMonth(month, provider.exit.on))
    schedule.issue(
      'ExitProvider',
      { providerId, on: dateOf(provider.exit.on), reason: provider.exit.reason },
      { at: provider.exit.at, actor: admin },
    );
  if (provider.transitionOn !== undefined && inMonth(month, provider.transitionOn))
    schedule.issue(
      'TransitionProviderToYear2',
      { providerId, on: dateOf(provider.transitionOn) },
      { at: between(random, provider.transitionOn, 15, 20), actor: admin },
    );
};

export const planProviderMonth = (context: DemoContext, provider: DemoProvider, month: DemoMonth): void => {
  if (provider.enrolledOn > month.last) return;
  planEnrollmentAndTurns(context, provider, month);
  if (provider.observation) planEvaluation(context, provider, provider.observation, month);
  planActionPlansAndGoals(context, provider, month);
};
