import { emptyTable, entryOf, type RecordedEvent } from '@coachline/domain';
import { emptyById, entryById, setById } from '../by-id';
import { dayOf } from '../calendar';
import type { Projection, ViewQuery } from '../projection';
import { namedIn } from '../subjects';
import { teamMonths } from './teams.months';
import { teamsTable } from './teams.table';
import { TeamRow, TeamsState, TeamsView } from './teams.view';

const apply = (state: TeamsState, event: RecordedEvent): TeamsState => {
  if (event.type === 'TeamRegistered') {
    const { teamId, communityId, level, name, coachId, members } = event.data;
    // A second registration is refused by the team's rules; the first one stands.
    if (entryOf(state.teams, teamId) === undefined)
      state.teams[teamId] = {
        communityId,
        level,
        name,
        coachId,
        members: members.map((member) => member.memberId),
        plans: [],
        sessions: emptyById(),
        effectiveness: [],
      };
    return state;
  }
  const teamId = entryOf(event.data as Record<string, unknown>, 'teamId');
  const team = typeof teamId === 'string' ? entryOf(state.teams, teamId) : undefined;
  if (team === undefined) return state;
  switch (event.type) {
    case 'TeamMembershipChanged': {
      const leaving = new Set(event.data.left);
      const staying = team.members.filter((memberId) => !leaving.has(memberId));
      const joining = event.data.joined.map((member) => member.memberId).filter((id) => !staying.includes(id));
      team.members = [...staying, ...joining];
      return state;
    }
    case 'TeamCoachAssigned':
      team.coachId = event.data.coachId;
      return state;
    case 'TeamSessionLogged': {
      const { sessionId, heldOn, durationMinutes, contact } = event.data;
      // A session id is logged once; a second log of it is refused and never moves the first.
      if (entryById(team.sessions, sessionId) === undefined)
        setById(team.sessions, sessionId, { heldOn, minutes: durationMinutes, contact, voided: false });
      return state;
    }
    case 'TeamSessionVoided': {
      const session = entryById(team.sessions, event.data.sessionId);
      if (session !== undefined) session.voided = true;
      return state;
    }
    case 'CoachingServiceDeliveryPlanSet': {
      const { coachingType, minutesPerMonth, frequency, focus, setOn, reviewOn } = event.data;
      team.plans.push({
        coachingType,
        minutesPerMonth,
        frequency,
        focus: [...focus],
        setOn,
        reviewOn: reviewOn ?? null,
      });
      return state;
    }
    case 'CoachingEffectivenessRecorded': {
      const { measure, recordedOn, percent } = event.data;
      team.effectiveness.push({ measure, recordedOn, percent });
      return state;
    }
    default:
      return state;
  }
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const render = (state: TeamsState, query: ViewQuery): TeamsView => {
  const asOfDay = dayOf(query.asOf);
  const teams: TeamRow[] = Object.keys(state.teams)
    .sort(byId)
    .flatMap((teamId) => {
      const team = state.teams[teamId]!;
      if (query.communityId !== undefined && team.communityId !== query.communityId) return [];
      const counted = team.sessions.entries.filter((session) => !session.voided);
      const plan = team.plans.reduce<(typeof team.plans)[number] | undefined>(
        (latest, next) => (latest === undefined || next.setOn >= latest.setOn ? next : latest),
        undefined,
      );
      return [
        {
          teamId,
          communityId: team.communityId,
          level: team.level,
          name: team.name,
          coachId: team.coachId,
          memberCount: team.members.length,
          plan: plan === undefined ? null : { ...plan, focus: [...plan.focus] },
          months: teamMonths(team, asOfDay),
          sessions: counted.length,
          lastSessionOn: counted.reduce<string | null>(
            (last, session) => (last === null || session.heldOn > last ? session.heldOn : last),
            null,
          ),
          effectiveness: [...team.effectiveness].sort(
            (a, b) => byId(a.recordedOn, b.recordedOn) || byId(a.measure, b.measure),
          ),
        },
      ];
    });
  return { asOf: query.asOf, teams };
};

/**
 * The teams systems coaching serves (`004`): each team's level, coach and member count, its
 * coaching service delivery plan, and month by month the coaching it got against that plan
 * (consultation and training shown, never counted), with its effectiveness data over time.
 * Replayed per read rather than stored.
 */
export const teamsProjection: Projection<TeamsState, TeamsView> = {
  name: 'teams',
  version: 1,
  eventTypes: [
    'TeamRegistered',
    'TeamMembershipChanged',
    'TeamCoachAssigned',
    'TeamSessionLogged',
    'TeamSessionVoided',
    'CoachingServiceDeliveryPlanSet',
    'CoachingEffectivenessRecorded',
  ],
  init: () => ({ teams: emptyTable() }),
  apply,
  subjects: { tables: ['teams'], changedBy: (_state, event) => namedIn(event, 'teamId', 'teams') },
  view: render,
  viewCodec: TeamsView,
  table: teamsTable,
};
