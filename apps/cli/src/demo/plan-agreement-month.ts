import { Day, dateOf, dayOfInstant, DemoMonth, MS_PER_DAY, MS_PER_MINUTE } from './demo-calendar';
import { DemoContext } from './demo-context';
import { AgreementPlan, beforeExit, coachOn, DemoProvider } from './demo-program';
import { between } from './plan-onboarding';
import { AGREEMENT_CONCERNS, AGREEMENT_RESOLUTIONS } from './vocabulary-community';

/**
 * A STARS agreement's month: drafting and the three signatures (rule 9), the cycles completed
 * with the sessions that made them up, a concern now and then, and the end.
 */

/** The sessions of a cycle: those held since the previous cycle and already logged when the cycle is recorded. */
const cycleSessions = (provider: DemoProvider, after: Day, through: Day, recordedAt: number): string[] =>
  provider.recentSessions
    .filter((trace) => trace.heldOn > after && trace.heldOn <= through && trace.loggedAt <= recordedAt)
    .map((trace) => trace.sessionId);

const planSigning = (
  context: DemoContext,
  provider: DemoProvider,
  agreement: AgreementPlan,
  inMonth: (day: Day) => boolean,
): void => {
  const { random, schedule } = context;
  const { agreementId } = agreement;
  const coach = context.coach(coachOn(provider, agreement.draftOn));
  if (inMonth(agreement.draftOn)) {
    const drafted = schedule.issue(
      'DraftAgreement',
      {
        agreementId,
        providerId: provider.providerId,
        coachId: coach.coachId,
        practices: agreement.practices,
        visitMode: agreement.visitMode,
        estimatedCycles: agreement.estimatedCycles,
        cadence: agreement.cadence,
      },
      { at: between(random, agreement.draftOn, 17, 19), actor: coach.actor },
    );
    context.flows.set(agreementId, drafted);
    schedule.issue(
      'SignAgreement',
      { agreementId, party: 'coach', signedBy: coach.coachId, signedOn: dateOf(agreement.draftOn) },
      { at: drafted.at + random.int(5, 40) * MS_PER_MINUTE, actor: coach.actor, causedBy: drafted },
    );
  }
  const drafted = context.flows.get(agreementId);
  const link = drafted ? { correlatedWith: drafted } : {};
  if (inMonth(agreement.supervisorSignsOn))
    schedule.issue(
      'SignAgreement',
      {
        agreementId,
        party: 'supervisor',
        signedBy: coach.supervisor.id,
        signedOn: dateOf(agreement.supervisorSignsOn),
      },
      { at: between(random, agreement.supervisorSignsOn, 15, 20), actor: coach.supervisor, ...link },
    );
  if (inMonth(agreement.coacheeSignsOn))
    schedule.issue(
      'SignAgreement',
      { agreementId, party: 'coachee', signedBy: provider.providerId, signedOn: dateOf(agreement.coacheeSignsOn) },
      { at: between(random, agreement.coacheeSignsOn, 18, 23), actor: provider.actor, ...link },
    );
};

/**
 * Two days after the last cycle the coachee answers the survey about their coach: a coachee who
 * raised a concern rates the coaching lower. No random draw, so the rest of the year is as before.
 */
const planCoachingFeedback = (
  context: DemoContext,
  provider: DemoProvider,
  agreement: AgreementPlan,
  inMonth: (day: Day) => boolean,
): void => {
  const lastCycle = agreement.cycleDays.at(-1);
  if (lastCycle === undefined) return;
  const completedOn = lastCycle + 2;
  const at = completedOn * MS_PER_DAY + 19 * 60 * MS_PER_MINUTE;
  if (!inMonth(completedOn) || !beforeExit(provider, at)) return;
  context.schedule.issue(
    'GiveCoachingFeedback',
    {
      providerId: provider.providerId,
      surveyId: `${agreement.agreementId}-survey`,
      coachId: coachOn(provider, lastCycle),
      completedOn: dateOf(completedOn),
      rating: agreement.concern?.raisedBy === 'coachee' ? 3 : 5,
    },
    { at, actor: provider.actor },
  );
};

export const planAgreementMonth = (context: DemoContext, provider: DemoProvider, month: DemoMonth): void => {
  const agreement = provider.agreement;
  if (!agreement) return;
  const { random, schedule } = context;
  const { agreementId } = agreement;
  const inMonth = (day: Day): boolean => day >= month.first && day <= month.last;
  planSigning(context, provider, agreement, inMonth);
  const drafted = context.flows.get(agreementId);
  const link = drafted ? { correlatedWith: drafted } : {};
  const activeSince = Math.max(agreement.supervisorSignsOn, agreement.coacheeSignsOn, agreement.draftOn);
  agreement.cycleDays.forEach((completedOn, index) => {
    if (!inMonth(completedOn)) return;
    const at = between(random, completedOn, 21, 24);
    schedule.issue(
      'CompleteCoachingCycle',
      {
        agreementId,
        cycleNumber: index + 1,
        completedOn: dateOf(completedOn),
        sessionIds: cycleSessions(provider, agreement.cycleDays[index - 1] ?? activeSince, completedOn, at),
      },
      { at, actor: context.coach(coachOn(provider, completedOn)).actor, ...link },
    );
  });
  planCoachingFeedback(context, provider, agreement, inMonth);
  const concern = agreement.concern;
  const end = agreement.end;
  if (concern && inMonth(dayOfInstant(concern.at))) {
    const coach = context.coach(coachOn(provider, month.first));
    const concernId = `${agreementId}-concern-1`;
    schedule.issue(
      'RaiseAgreementConcern',
      {
        agreementId,
        raisedBy: concern.raisedBy,
        summary: AGREEMENT_CONCERNS[concern.raisedBy],
        concernId,
        raisedWith: 'supervisor',
      },
      { at: concern.at, actor: concern.raisedBy === 'coach' ? coach.actor : provider.actor, ...link },
    );
    // The supervisor meets both sides within the week, unless the agreement ends first.
    const resolvedAt = concern.at + 7 * MS_PER_DAY;
    if (!end || end.on > dayOfInstant(resolvedAt))
      schedule.issue(
        'ResolveAgreementConcern',
        {
          agreementId,
          concernId,
          resolvedOn: dateOf(dayOfInstant(resolvedAt)),
          resolution: AGREEMENT_RESOLUTIONS[concern.raisedBy],
        },
        { at: resolvedAt, actor: coach.actor, ...link },
      );
  }
  if (end && inMonth(end.on)) {
    schedule.issue(
      'EndAgreement',
      { agreementId, on: dateOf(end.on), reason: end.reason },
      { at: between(random, end.on, 15, 20), actor: context.coach(coachOn(provider, end.on)).actor, ...link },
    );
    context.flows.delete(agreementId);
  }
};
