import { viewOf } from '../fold';
import { at, historyBuilder } from '../testing';
import { teamsProjection } from './teams.projection';
import { teamsTable } from './teams.table';
import { TeamsView } from './teams.view';

const teams = (history: ReturnType<ReturnType<typeof historyBuilder>['events']>, asOf?: string) =>
  viewOf<TeamsView>(teamsProjection, history, asOf === undefined ? {} : { asOf });

const session = (
  sessionId: string,
  heldOn: string,
  contact: 'coaching' | 'consultation' | 'training',
  minutes = 60,
) => ({
  teamId: 'dit-kent',
  sessionId,
  coachId: 'c-03',
  heldOn,
  durationMinutes: minutes,
  contact,
  inSetting: contact === 'coaching',
  mode: contact === 'coaching' ? ('in-person' as const) : ('virtual' as const),
  membersPresent: ['m-1'],
});

const registered = () =>
  historyBuilder()
    .add(
      'TeamRegistered',
      {
        teamId: 'dit-kent',
        communityId: 'kent',
        level: 'district',
        name: 'Kent DIT',
        coachId: 'c-03',
        registeredOn: '2025-08-01',
        members: [
          { memberId: 'm-1', role: 'Director' },
          { memberId: 'm-2', role: 'MTSS coordinator' },
        ],
      },
      at('2025-08-01'),
    )
    .add(
      'TeamRegistered',
      {
        teamId: 'slt-ottawa',
        communityId: 'ottawa',
        level: 'school',
        name: 'Ottawa Elementary SLT',
        coachId: 'c-04',
        registeredOn: '2025-08-01',
        members: [{ memberId: 'm-9', role: 'Principal' }],
      },
      at('2025-08-01'),
    )
    .add(
      'CoachingServiceDeliveryPlanSet',
      {
        teamId: 'dit-kent',
        coachId: 'c-03',
        setOn: '2025-08-15',
        coachingType: 'systems',
        minutesPerMonth: 120,
        frequency: 'every two weeks',
        focus: ['Tier 1 data review'],
      },
      at('2025-08-15'),
    );

describe('the teams view', () => {
  it('shows each team with its level, coach, member count and plan, never member ids', () => {
    const view = teams(registered().events(), at('2025-08-31'));
    expect(view.teams.map((team) => [team.teamId, team.level, team.coachId, team.memberCount])).toEqual([
      ['dit-kent', 'district', 'c-03', 2],
      ['slt-ottawa', 'school', 'c-04', 1],
    ]);
    expect(view.teams[0]!.plan).toEqual({
      coachingType: 'systems',
      minutesPerMonth: 120,
      frequency: 'every two weeks',
      focus: ['Tier 1 data review'],
      setOn: '2025-08-15',
      reviewOn: null,
    });
    expect(JSON.stringify(view)).not.toContain('m-1');
  });

  it('counts coaching minutes toward the plan and shows consultation and training beside them', () => {
    const history = registered()
      .add('TeamSessionLogged', session('s-1', '2025-09-03', 'coaching', 90), at('2025-09-03'))
      .add('TeamSessionLogged', session('s-2', '2025-09-10', 'consultation', 45), at('2025-09-10'))
      .add('TeamSessionLogged', session('s-3', '2025-09-12', 'training', 180), at('2025-09-12'))
      .add('TeamSessionLogged', session('s-4', '2025-10-01', 'coaching', 120), at('2025-10-01'));
    const months = teams(history.events(), at('2025-11-05')).teams[0]!.months;
    expect(months).toEqual([
      {
        month: '2025-08',
        coachingMinutes: 0,
        consultationMinutes: 0,
        trainingMinutes: 0,
        sessions: 0,
        planMinutes: 120,
        status: 'missing',
      },
      {
        month: '2025-09',
        coachingMinutes: 90,
        consultationMinutes: 45,
        trainingMinutes: 180,
        sessions: 3,
        planMinutes: 120,
        status: 'partly',
      },
      {
        month: '2025-10',
        coachingMinutes: 120,
        consultationMinutes: 0,
        trainingMinutes: 0,
        sessions: 1,
        planMinutes: 120,
        status: 'met',
      },
      {
        month: '2025-11',
        coachingMinutes: 0,
        consultationMinutes: 0,
        trainingMinutes: 0,
        sessions: 0,
        planMinutes: 120,
        status: 'missing',
      },
    ]);
  });

  it('leaves a voided session out of every count', () => {
    const history = registered()
      .add('TeamSessionLogged', session('s-1', '2025-09-03', 'coaching', 120), at('2025-09-03'))
      .add('TeamSessionVoided', { teamId: 'dit-kent', sessionId: 's-1', reason: 'Logged twice.' }, at('2025-09-04'));
    const team = teams(history.events(), at('2025-09-30')).teams[0]!;
    expect(team.months.at(-1)).toMatchObject({ month: '2025-09', coachingMinutes: 0, sessions: 0, status: 'missing' });
    expect([team.sessions, team.lastSessionOn]).toEqual([0, null]);
  });

  it('measures a month against the plan in force at its end, a later plan replacing the earlier', () => {
    const history = registered()
      .add(
        'CoachingServiceDeliveryPlanSet',
        {
          teamId: 'dit-kent',
          coachId: 'c-03',
          setOn: '2025-10-01',
          coachingType: 'instructional',
          minutesPerMonth: 60,
          frequency: 'monthly',
          focus: ['Behavior support'],
          reviewOn: '2026-01-15',
        },
        at('2025-10-01'),
      )
      .add('TeamSessionLogged', session('s-1', '2025-09-03', 'coaching', 60), at('2025-09-03'))
      .add('TeamSessionLogged', session('s-2', '2025-10-03', 'coaching', 60), at('2025-10-03'));
    const team = teams(history.events(), at('2025-10-31')).teams[0]!;
    expect(team.plan).toMatchObject({ coachingType: 'instructional', minutesPerMonth: 60, reviewOn: '2026-01-15' });
    expect(team.months.map((m) => [m.month, m.planMinutes, m.status])).toEqual([
      ['2025-08', 120, 'missing'],
      ['2025-09', 120, 'partly'],
      ['2025-10', 60, 'met'],
    ]);
  });

  it('follows membership changes and coach assignments, and keeps measures in date order', () => {
    const history = registered()
      .add(
        'TeamMembershipChanged',
        {
          teamId: 'dit-kent',
          joined: [
            { memberId: 'm-3', role: 'Psychologist' },
            { memberId: 'm-4', role: 'Teacher' },
          ],
          left: ['m-2'],
          changedOn: '2025-09-01',
        },
        at('2025-09-01'),
      )
      .add('TeamCoachAssigned', { teamId: 'dit-kent', coachId: 'c-07', assignedOn: '2025-09-02' }, at('2025-09-02'))
      .add(
        'CoachingEffectivenessRecorded',
        { teamId: 'dit-kent', recordedOn: '2025-12-01', measure: 'TFI Tier 1', percent: 80 },
        at('2025-12-01'),
      )
      .add(
        'CoachingEffectivenessRecorded',
        { teamId: 'dit-kent', recordedOn: '2025-09-01', measure: 'TFI Tier 1', percent: 60 },
        at('2025-12-02'),
      );
    const team = teams(history.events(), at('2025-12-31')).teams[0]!;
    expect([team.memberCount, team.coachId]).toEqual([3, 'c-07']);
    expect(team.effectiveness.map((e) => [e.recordedOn, e.percent])).toEqual([
      ['2025-09-01', 60],
      ['2025-12-01', 80],
    ]);
  });

  it('shows only one community’s teams when asked', () => {
    expect(
      viewOf<TeamsView>(teamsProjection, registered().events(), { communityId: 'ottawa' }).teams.map((t) => t.teamId),
    ).toEqual(['slt-ottawa']);
  });

  it('gives a table row per team and month, and one for a team with no months', () => {
    const history = registered().add(
      'TeamSessionLogged',
      session('s-1', '2025-09-03', 'coaching', 90),
      at('2025-09-03'),
    );
    const table = teamsTable(teams(history.events(), at('2025-09-30')));
    expect(
      table.rows.map((row) => [row[0], row[table.header.indexOf('month')], row[table.header.indexOf('status')]]),
    ).toEqual([
      ['dit-kent', '2025-08', 'missing'],
      ['dit-kent', '2025-09', 'partly'],
      ['slt-ottawa', null, null],
    ]);
    expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
  });
});
