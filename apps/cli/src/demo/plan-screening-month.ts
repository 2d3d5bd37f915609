import { dateOf, dayOfInstant, DemoMonth } from './demo-calendar';
import { DemoContext } from './demo-context';
import { coachOn, DemoProvider } from './demo-program';
import { between } from './plan-onboarding';

/** ASQ-SE2 screenings, each its own stream: distributed, scored, followed up, and once in the year erased (rule 11). */
export const planScreeningMonth = (context: DemoContext, provider: DemoProvider, month: DemoMonth): void => {
  const { random, schedule, program } = context;
  const onDayOfMonth = (day: number): boolean => day >= month.first && day <= month.last;
  const inMonth = (at: number): boolean => onDayOfMonth(dayOfInstant(at));
  const coach = context.coach(coachOn(provider, month.first)).actor;
  for (const screening of provider.screenings) {
    const { screeningId } = screening;
    if (inMonth(screening.distributeAt)) {
      const distributed = schedule.issue(
        'DistributeAsqSe2',
        {
          screeningId,
          providerId: provider.providerId,
          childRef: screening.childRef,
          ageIntervalMonths: screening.ageIntervalMonths,
          distributedOn: dateOf(screening.distributedOn),
        },
        { at: screening.distributeAt, actor: coach },
      );
      context.flows.set(screeningId, distributed);
    }
    const flow = context.flows.get(screeningId);
    const link = flow ? { causedBy: flow } : {};
    if (inMonth(screening.scoreAt))
      schedule.issue(
        'ScoreAsqSe2',
        { screeningId, score: screening.score, zone: screening.zone, scoredOn: dateOf(screening.scoredOn) },
        { at: screening.scoreAt, actor: coach, ...link },
      );
    if (screening.followUp && inMonth(screening.followUp.at))
      schedule.issue(
        'RecordAsqSe2FollowUp',
        { screeningId, action: screening.followUp.action, on: dateOf(screening.followUp.on) },
        { at: screening.followUp.at, actor: coach, ...link },
      );
    if (screening.erasedOn !== undefined && onDayOfMonth(screening.erasedOn)) {
      schedule.issue(
        'EraseChildData',
        { screeningId, childRef: screening.childRef, on: dateOf(screening.erasedOn) },
        { at: between(random, screening.erasedOn, 15, 17), actor: program.community.admin, ...link },
      );
      context.flows.delete(screeningId);
    }
  }
};
