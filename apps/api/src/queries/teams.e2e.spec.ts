import type { CommandType } from '../policy/grants';
import { describeApiOnEachEngine } from '../testing/engines';
import { coachFamily, communityFamily, pathOf } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

const registration = {
  communityId: 'kent',
  level: 'district',
  name: 'Kent District Implementation Team',
  coachId: 'c-1',
  registeredOn: '2025-08-15',
  members: [
    { memberId: 'm-1', role: 'Director' },
    { memberId: 'm-2', role: 'MTSS coordinator' },
  ],
};

const session = (sessionId: string, heldOn: string, contact: string, durationMinutes: number) => ({
  sessionId,
  coachId: 'c-1',
  heldOn,
  durationMinutes,
  contact,
  inSetting: contact === 'coaching',
  mode: contact === 'coaching' ? 'in-person' : 'virtual',
  membersPresent: ['m-1', 'm-2'],
});

const plan = {
  coachId: 'c-1',
  setOn: '2025-09-01',
  coachingType: 'systems',
  minutesPerMonth: 120,
  frequency: 'every two weeks',
  focus: ['Tier 1 data review'],
};

describeApiOnEachEngine('teams (POST /teams/:id/…, GET /teams)', (open) => {
  let api: TestApi;
  const as = async (role: Parameters<TestApi['token']>[0], id: string) => {
    const token = await api.token(role, id);
    return {
      get: (path: string) => api.http().get(path).set('Authorization', `Bearer ${token}`),
      post: (type: CommandType, teamId: string, body: object) =>
        api.http().post(pathOf(type, teamId)).set('Authorization', `Bearer ${token}`).send(body),
    };
  };

  beforeAll(async () => {
    api = await open();
    await seed(api, [
      ...communityFamily,
      ...coachFamily,
      { type: 'RegisterTeam', id: 'dit-kent', body: registration },
      {
        type: 'RegisterTeam',
        id: 'slt-maple',
        body: { ...registration, level: 'school', name: 'Maple SLT', coachId: 'c-2' },
      },
    ]);
  });

  it('lets the team’s coach log coaching, consultation and training, a plan and effectiveness data, and shows them', async () => {
    const coach = await as('coach', 'c-1');
    for (const [type, body] of [
      ['SetCoachingServiceDeliveryPlan', plan],
      ['LogTeamSession', session('ts-1', '2025-09-03', 'coaching', 90)],
      ['LogTeamSession', session('ts-2', '2025-09-10', 'consultation', 45)],
      ['LogTeamSession', session('ts-3', '2025-09-17', 'training', 180)],
      ['LogTeamSession', session('ts-4', '2025-09-24', 'coaching', 30)],
      ['VoidTeamSession', { sessionId: 'ts-4', reason: 'Logged for the wrong team.' }],
      ['RecordCoachingEffectiveness', { recordedOn: '2025-09-30', measure: 'TFI Tier 1', percent: 70 }],
    ] as const) {
      const response = await coach.post(type, 'dit-kent', body);
      expect([type, response.status]).toEqual([type, 201]);
    }
    const response = await coach.get('/teams/dit-kent');
    expect(response.status).toBe(200);
    const [team] = response.body.teams;
    expect(team).toMatchObject({ teamId: 'dit-kent', level: 'district', memberCount: 2, sessions: 3 });
    expect(team.months.find((m: { month: string }) => m.month === '2025-09')).toMatchObject({
      coachingMinutes: 90,
      consultationMinutes: 45,
      trainingMinutes: 180,
      status: 'partly',
    });
    expect(team.effectiveness).toEqual([{ measure: 'TFI Tier 1', recordedOn: '2025-09-30', percent: 70 }]);
  });

  it('refuses coaching outside the setting, naming the contact, and virtual coaching, naming the mode', async () => {
    const coach = await as('coach', 'c-1');
    const outside = await coach.post('LogTeamSession', 'dit-kent', {
      ...session('ts-9', '2025-09-05', 'coaching', 60),
      inSetting: false,
    });
    expect([outside.status, outside.body.code]).toEqual([422, 'coaching-outside-setting']);
    expect(outside.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.contact']);
    const virtual = await coach.post('LogTeamSession', 'dit-kent', {
      ...session('ts-9', '2025-09-05', 'coaching', 60),
      mode: 'virtual',
    });
    expect(virtual.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.mode']);
  });

  it('names every wrong field of a registration', async () => {
    const admin = await as('admin', 'admin-1');
    const response = await admin.post('RegisterTeam', 'dit-other', { ...registration, level: 'county', members: [] });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.level', 'body.members']);
  });

  it('refuses a coach reaching for a team they do not coach (403), by command and by read', async () => {
    const other = await as('coach', 'c-2');
    const logged = await other.post('LogTeamSession', 'dit-kent', {
      ...session('ts-8', '2025-09-05', 'coaching', 60),
      coachId: 'c-2',
    });
    expect(logged.status).toBe(403);
    expect((await other.get('/teams/dit-kent')).status).toBe(403);
    const listed = await other.get('/teams');
    expect(listed.body.teams.map((t: { teamId: string }) => t.teamId)).toEqual(['slt-maple']);
  });

  it('keeps registration, membership and coach assignment for program staff', async () => {
    const coach = await as('coach', 'c-1');
    const changed = await coach.post('ChangeTeamMembership', 'dit-kent', {
      joined: [],
      left: ['m-2'],
      changedOn: '2025-10-01',
    });
    expect(changed.status).toBe(403);
    const supervisor = await as('supervisor', 'sup-1');
    const assigned = await supervisor.post('AssignTeamCoach', 'slt-maple', {
      coachId: 'c-1',
      assignedOn: '2025-10-01',
    });
    expect(assigned.status).toBe(201);
    expect((await coach.get('/teams/slt-maple')).status).toBe(200);
  });

  it.each([
    ['provider', 'p-1'],
    ['leadership', 'lead-1'],
    ['evaluator', 'eval-1'],
  ] as const)('is not for a %s (403)', async (role, id) => {
    const reader = await as(role, id);
    expect((await reader.get('/teams')).status).toBe(403);
    expect(
      (await reader.post('LogTeamSession', 'dit-kent', session('ts-7', '2025-09-05', 'coaching', 60))).status,
    ).toBe(403);
  });

  it('answers a hostile or unknown team id without reaching any object’s prototype', async () => {
    const admin = await as('admin', 'admin-1');
    for (const id of ['__proto__', 'constructor', 'hasOwnProperty']) {
      const read = await admin.get(`/teams/${id}`);
      expect([id, read.status]).toEqual([id, 400]);
      const posted = await admin.post('LogTeamSession', id, session('ts-6', '2025-09-05', 'coaching', 60));
      expect([id, posted.status]).toEqual([id, 400]);
    }
    expect((await admin.get('/teams/no-such-team')).status).toBe(404);
  });

  it('answers CSV, a row per team and month', async () => {
    const admin = await as('admin', 'admin-1');
    const response = await admin.get('/teams').set('Accept', 'text/csv');
    expect(response.status).toBe(200);
    expect(response.text.split('\n')[0]).toMatch(/^teamId,name,level,communityId,coachId,members,/);
    expect(response.text).toContain('dit-kent,Kent District Implementation Team,district,kent,c-1,2,systems,120');
  });
});

describeApiOnEachEngine('a team’s coach under a guide that asks for an approved coaching system', (open) => {
  it('is refused until the community’s coaching system is approved, naming the coach', async () => {
    const api = await open();
    await seed(api, [
      { type: 'RegisterCommunity', id: 'lake', body: { name: 'Lake District', kind: 'district' } },
      {
        type: 'StartProgramYear',
        id: 'lake',
        body: {
          programYearId: 'py-2025',
          guideId: 'mimtss-coaching-system',
          startsOn: '2025-07-01',
          endsOn: '2026-06-30',
        },
      },
    ]);
    const token = await api.token('admin', 'admin-1');
    const response = await api
      .http()
      .post(pathOf('RegisterTeam', 'dit-lake'))
      .set('Authorization', `Bearer ${token}`)
      .send({ ...registration, communityId: 'lake' });
    expect([response.status, response.body.code]).toEqual([422, 'coaching-system-not-approved']);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.coachId']);
  });
});
