import { countsTowardTeamDosage } from '@coachline/domain';
import type { PlanStatus, TeamEntry, TeamMonthRow, TeamPlanEntry } from './teams.view';

const monthOf = (day: string): string => day.slice(0, 7);

const nextMonth = (month: string): string => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
};

/** The plan in force at the end of `month`: the latest set on or before it. */
export const planInForce = (plans: ReadonlyArray<TeamPlanEntry>, month: string): TeamPlanEntry | undefined => {
  let inForce: TeamPlanEntry | undefined;
  for (const plan of plans)
    if (monthOf(plan.setOn) <= month && (!inForce || plan.setOn >= inForce.setOn)) inForce = plan;
  return inForce;
};

/** Coaching minutes against a plan's minutes a month. */
export const planStatus = (coachingMinutes: number, minutesPerMonth: number): PlanStatus =>
  coachingMinutes >= minutesPerMonth ? 'met' : coachingMinutes > 0 ? 'partly' : 'missing';

/**
 * A team's months from its first plan or session through the month of `asOfDay`: every month a
 * plan was owed shows, including those with no coaching at all. Only coaching minutes count;
 * consultation and training are shown beside them, and voided sessions count for nothing.
 */
export const teamMonths = (team: TeamEntry, asOfDay: string): TeamMonthRow[] => {
  const sessions = team.sessions.entries.filter((session) => !session.voided && session.heldOn <= asOfDay);
  const starts = [...team.plans.map((plan) => plan.setOn), ...sessions.map((session) => session.heldOn)]
    .filter((day) => day <= asOfDay)
    .map(monthOf);
  if (starts.length === 0) return [];
  const last = monthOf(asOfDay);
  const months: TeamMonthRow[] = [];
  for (let month = starts.reduce((a, b) => (a < b ? a : b)); month <= last; month = nextMonth(month)) {
    const held = sessions.filter((session) => monthOf(session.heldOn) === month);
    const minutesOf = (contact: string) =>
      held.filter((session) => session.contact === contact).reduce((sum, session) => sum + session.minutes, 0);
    const coachingMinutes = held
      .filter((session) => countsTowardTeamDosage(session.contact))
      .reduce((sum, session) => sum + session.minutes, 0);
    const plan = planInForce(team.plans, month);
    months.push({
      month,
      coachingMinutes,
      consultationMinutes: minutesOf('consultation'),
      trainingMinutes: minutesOf('training'),
      sessions: held.length,
      planMinutes: plan?.minutesPerMonth ?? null,
      status: plan === undefined ? null : planStatus(coachingMinutes, plan.minutesPerMonth),
    });
  }
  return months;
};
