import { describeApiOnEachEngine } from '../testing/engines';
import { coachFamily, communityFamily } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

describeApiOnEachEngine('the coaching system (GET /coaching-system)', (open) => {
  let api: TestApi;
  const as = async (role: Parameters<TestApi['token']>[0], id: string) => {
    const token = await api.token(role, id);
    return {
      get: (path: string) => api.http().get(path).set('Authorization', `Bearer ${token}`),
      post: (path: string, body: object) => api.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    };
  };

  beforeAll(async () => {
    api = await open();
    await seed(api, [...communityFamily, ...coachFamily]);
  });

  it('shows a supervisor the components, approval, sharing, reviews, checklist and feedback', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor.get('/coaching-system?communityId=kent');
    expect(response.status).toBe(200);
    const [kent] = response.body.communities;
    expect(kent).toMatchObject({
      communityId: 'kent',
      componentsDefined: 7,
      approved: { approvedBy: 'admin-1', approvedOn: '2025-08-01' },
      sharings: [{ audience: 'coaches', sharedOn: '2025-08-04' }],
      coachesReviewed: 1,
      reviews: [
        { coachId: 'c-1', reviewedOn: '2025-08-06' },
        { coachId: 'c-2', reviewedOn: null },
      ],
      checklistPercentComplete: 14,
      trainings: [{ trainingId: 't-1', responses: 1, meanUseful: 5, meanWillUse: 4, meanDiversity: 4 }],
    });
    expect(kent.components[0]).toMatchObject({ component: 'definition', text: 'Our definition.', definitions: 1 });
  });

  it('gives leadership the checklist’s completeness and the feedback only', async () => {
    const leadership = await as('leadership', 'lead-1');
    const response = await leadership.get('/coaching-system');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.communities[0]).sort()).toEqual([
      'checklistPercentComplete',
      'communityId',
      'trainings',
    ]);
    expect(JSON.stringify(response.body)).not.toContain('admin-1');
    const csv = await leadership.get('/coaching-system').set('Accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.text).not.toMatch(/\ncomponent,|,component,|c-1/);
  });

  it('answers CSV a row per line of the system', async () => {
    const admin = await as('admin', 'admin-1');
    const response = await admin.get('/coaching-system').set('Accept', 'text/csv');
    expect(response.status).toBe(200);
    const lines = response.text.trim().split('\n');
    expect(lines[0]).toMatch(/^communityId,section,id,title,status,on,text,responses/);
    expect(lines.filter((line) => line.startsWith('kent,component,'))).toHaveLength(7);
    expect(lines.filter((line) => line.startsWith('kent,checklist-complete,'))).toEqual([
      'kent,checklist-complete,,,14%,,,,,,',
    ]);
  });

  it.each([
    ['coach', 'c-1'],
    ['provider', 'p-1'],
    ['evaluator', 'eval-1'],
    ['auditor', 'aud-1'],
  ] as const)('is not for a %s (403)', async (role, id) => {
    const reader = await as(role, id);
    expect((await reader.get('/coaching-system')).status).toBe(403);
  });

  it('lets a coach record their own review and no other coach’s', async () => {
    const coach = await as('coach', 'c-2');
    const refused = await coach.post('/coaches/c-1/coaching-system-reviews', {
      communityId: 'kent',
      reviewedOn: '2025-08-07',
    });
    expect(refused.status).toBe(403);
    const own = await coach.post('/coaches/c-2/coaching-system-reviews', {
      communityId: 'kent',
      reviewedOn: '2025-08-07',
    });
    expect(own.status).toBe(201);
  });

  it('refuses a review of a community whose system is not approved, naming the community', async () => {
    const admin = await as('admin', 'admin-1');
    expect((await admin.post('/communities/ottawa/registration', { name: 'Ottawa', kind: 'county' })).status).toBe(201);
    const refused = await admin.post('/coaches/c-2/coaching-system-reviews', {
      communityId: 'ottawa',
      reviewedOn: '2025-08-07',
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'coaching-system-not-approved',
      errors: [{ path: 'body.communityId' }],
    });
  });

  it('keeps coaches and leadership from sharing the system, recording the checklist or feedback', async () => {
    for (const [role, id] of [
      ['coach', 'c-1'],
      ['leadership', 'lead-1'],
    ] as const) {
      const actor = await as(role, id);
      const attempts = [
        actor.post('/communities/kent/coaching-system-sharings', {
          audience: 'implementation-teams',
          sharedOn: '2025-08-10',
        }),
        actor.post('/communities/kent/district-checklist-items', {
          item: 'system-drafted',
          status: 'in-place',
          recordedOn: '2025-08-10',
        }),
        actor.post('/communities/kent/training-feedback', {
          trainingId: 't-1',
          givenOn: '2025-09-10',
          useful: 1,
          willUse: 1,
          diversity: 1,
        }),
      ];
      for (const attempt of attempts) expect((await attempt).status).toBe(403);
    }
  });

  it('refuses a checklist item outside the guide’s list and a rating outside 1 to 5, naming each field', async () => {
    const admin = await as('admin', 'admin-1');
    const item = await admin.post('/communities/kent/district-checklist-items', {
      item: '__proto__',
      status: 'in-place',
      recordedOn: '2025-08-10',
    });
    expect(item.status).toBe(400);
    expect(item.body.errors.map((e: { path: string }) => e.path)).toContain('body.item');
    const rating = await admin.post('/communities/kent/training-feedback', {
      trainingId: 't-1',
      givenOn: '2025-09-10',
      useful: 6,
      willUse: 0,
      diversity: 3,
      comment: 'Great',
    });
    expect(rating.status).toBe(400);
    expect(rating.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.comment',
      'body.useful',
      'body.willUse',
    ]);
  });

  it('names a parameter it does not know', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor.get('/coaching-system?coachId=c-1');
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain('query.coachId');
  });
});
