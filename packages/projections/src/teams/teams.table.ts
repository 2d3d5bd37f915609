import type { ViewTable } from '../projection';
import type { TeamsView } from './teams.view';

/** One row per team and month, and one for a team with no months yet, so every team shows. */
export const teamsTable = (view: TeamsView): ViewTable => ({
  header: [
    'teamId',
    'name',
    'level',
    'communityId',
    'coachId',
    'members',
    'coachingType',
    'planMinutesPerMonth',
    'frequency',
    'focus',
    'sessions',
    'lastSessionOn',
    'month',
    'coachingMinutes',
    'consultationMinutes',
    'trainingMinutes',
    'monthSessions',
    'status',
    'effectiveness',
  ],
  rows: view.teams.flatMap((team) => {
    const who = [
      team.teamId,
      team.name,
      team.level,
      team.communityId,
      team.coachId,
      team.memberCount,
      team.plan?.coachingType ?? null,
      team.plan?.minutesPerMonth ?? null,
      team.plan?.frequency ?? null,
      team.plan === null ? null : team.plan.focus.join('; '),
      team.sessions,
      team.lastSessionOn,
    ];
    const measures = team.effectiveness.map((e) => `${e.measure} ${e.recordedOn} ${e.percent}%`).join('; ');
    if (team.months.length === 0) return [[...who, null, null, null, null, null, null, measures]];
    return team.months.map((month) => [
      ...who,
      month.month,
      month.coachingMinutes,
      month.consultationMinutes,
      month.trainingMinutes,
      month.sessions,
      month.status,
      measures,
    ]);
  }),
});
