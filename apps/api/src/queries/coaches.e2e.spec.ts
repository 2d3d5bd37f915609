import { describeApiOnEachEngine } from '../testing/engines';
import { coachFamily, communityFamily, providerFamily } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

describeApiOnEachEngine('the coaches (GET /coaches)', (open) => {
  let api: TestApi;
  const as = async (role: Parameters<TestApi['token']>[0], id: string) => {
    const token = await api.token(role, id);
    return (path: string) => api.http().get(path).set('Authorization', `Bearer ${token}`);
  };

  beforeAll(async () => {
    api = await open();
    await seed(api, [...communityFamily, ...coachFamily, ...providerFamily]);
  });

  it('shows a supervisor each coach, the qualifications recorded and who verified them', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/coaches?communityId=kent');
    expect(response.status).toBe(200);
    expect(response.body.coaches).toMatchObject([
      {
        coachId: 'c-1',
        verified: true,
        qualifications: [{ qualificationId: 'q-1', verified: true, verifiedBy: 'sup-1', verifiedOn: '2025-08-15' }],
      },
      { coachId: 'c-2', verified: false, qualifications: [] },
    ]);
  });

  it('shows each coach’s hours and their coachees’ survey ratings', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/coaches');
    // s-1 corrected to 100 minutes, s-2 75 minutes, s-3 voided: 175 minutes.
    expect(response.body.coaches[0]).toMatchObject({ coachId: 'c-1', minutes: 175, hours: 2.9 });
    expect(response.body.coaches[0]).toMatchObject({ feedbackSurveys: 1, meanRating: 4 });
    expect(response.body.coaches[1]).toMatchObject({ coachId: 'c-2', feedbackSurveys: 0, meanRating: null });
  });

  it('lets a coachee rate their own coach, and no coach they never had', async () => {
    const token = await api.token('provider', 'p-1');
    const give = (body: object) =>
      api.http().post('/providers/p-1/coaching-feedback').set('Authorization', `Bearer ${token}`).send(body);
    const survey = { surveyId: 'survey-2', coachId: 'c-1', completedOn: '2025-10-30', rating: 5 };
    expect((await give(survey)).status).toBe(201);
    const refused = await give({ ...survey, surveyId: 'survey-3', coachId: 'c-2' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('not-the-provider-coach');
  });

  it('answers CSV from the view’s table, a row per qualification', async () => {
    const admin = await as('admin', 'admin-1');
    const response = await admin('/coaches').set('Accept', 'text/csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.text.trim().split('\n');
    expect(lines[0]).toMatch(
      /^coachId,name,communityId,role,coachVerified,sessions,hours,feedbackSurveys,meanRating,qualificationId,credential/,
    );
    expect(lines.filter((line) => line.startsWith('c-1,'))).toHaveLength(1);
  });

  it.each([
    ['coach', 'c-1'],
    ['provider', 'p-1'],
    ['leadership', 'lead-1'],
    ['auditor', 'aud-1'],
  ] as const)('is not for a %s (403)', async (role, id) => {
    const reader = await as(role, id);
    expect((await reader('/coaches')).status).toBe(403);
  });

  it('names a parameter it does not know', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/coaches?coachId=c-1');
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain('query.coachId');
  });
});

describeApiOnEachEngine('the implementation plans (GET /implementation-plan)', (open) => {
  let api: TestApi;
  const as = async (role: Parameters<TestApi['token']>[0], id: string) => {
    const token = await api.token(role, id);
    return (path: string) => api.http().get(path).set('Authorization', `Bearer ${token}`);
  };

  beforeAll(async () => {
    api = await open();
    await seed(api, communityFamily);
  });

  it('shows a supervisor each step of the community’s plan, answered or open, and how complete it is', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/implementation-plan?communityId=kent');
    expect(response.status).toBe(200);
    const [kent] = response.body.communities;
    expect(kent).toMatchObject({ communityId: 'kent', stepsRecorded: 1, stepsComplete: 0, complete: false });
    expect(kent.steps[0]).toMatchObject({ step: 1, plan: 'Hire two coaches by August.', complete: false });
    expect(kent.steps[0].otherAnswers).toEqual([{ questionId: 'who-coaches', answer: 'Two coaches, one lead.' }]);
  });

  it('answers CSV a row per planning question', async () => {
    const admin = await as('admin', 'admin-1');
    const response = await admin('/implementation-plan').set('Accept', 'text/csv');
    expect(response.status).toBe(200);
    expect(response.text.split('\n')[0]).toBe(
      'communityId,step,title,stepComplete,questionId,question,answer,plan,recordedOn',
    );
  });

  it.each([
    ['coach', 'c-1'],
    ['provider', 'p-1'],
    ['leadership', 'lead-1'],
  ] as const)('is not for a %s (403)', async (role, id) => {
    const reader = await as(role, id);
    expect((await reader('/implementation-plan')).status).toBe(403);
  });
});
