import { describeApiOnEachEngine } from '../testing/engines';
import { pathOf, sessionBody, wholeProgram } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

describeApiOnEachEngine('views', (open) => {
  let api: TestApi;
  let admin: string;
  let seeded: number;
  const get = async (path: string, token = admin) => api.http().get(path).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    api = await open();
    admin = await api.token('admin', 'admin-1');
    seeded = await seed(api, wholeProgram);
  });

  it('dosage: minutes per provider per month, corrections applied and voids left out', async () => {
    const response = await get(`/views/dosage?waitForPosition=${seeded}`);
    expect(response.status).toBe(200);
    const p1 = response.body.providers.find((p: { providerId: string }) => p.providerId === 'p-1');
    expect(p1.months.slice(0, 2)).toEqual([
      { month: '2025-09', minutes: 175, status: 'met' },
      { month: '2025-10', minutes: 0, status: 'none' },
    ]);
    expect(response.body.coaches.map((c: { coachId: string }) => c.coachId)).toEqual(['c-1', 'c-2']);
  });

  it('dosage ?month=YYYY-MM keeps that month only', async () => {
    const response = await get(`/views/dosage?month=2025-09&waitForPosition=${seeded}`);
    expect(response.body.providers.map((p: { months: unknown[] }) => p.months)).toEqual([
      [{ month: '2025-09', minutes: 175, status: 'met' }],
      [{ month: '2025-09', minutes: 0, status: 'none' }],
    ]);
  });

  it('reads its own write: a query waiting for the position a command returned sees it', async () => {
    const logged = await api
      .http()
      .post(pathOf('LogSession', 'p-2'))
      .set('Authorization', `Bearer ${admin}`)
      .send(sessionBody('s-10', '2025-10-14', 60, 'c-2'));
    expect(logged.status).toBe(201);
    const byQuery = await get(`/views/dosage?providerId=p-2&month=2025-10&waitForPosition=${logged.body.position}`);
    expect(byQuery.body.providers[0].months).toEqual([{ month: '2025-10', minutes: 60, status: 'partial' }]);
    const byHeader = await api
      .http()
      .get('/views/share?providerId=p-2')
      .set('Authorization', `Bearer ${admin}`)
      .set('X-Wait-For-Position', String(logged.body.position));
    expect(byHeader.body.providers[0].sessions).toEqual([{ heldOn: '2025-10-14', durationMinutes: 60 }]);
  });

  it('answers as the program knew it at a past moment (?asOf)', async () => {
    api.setNow('2026-02-03T09:00:00.000Z');
    const late = await api
      .http()
      .post(pathOf('LogSession', 'p-2'))
      .set('Authorization', `Bearer ${admin}`)
      .send(sessionBody('s-11', '2025-11-04', 50, 'c-2'));
    expect(late.status).toBe(201);
    const now = await get(`/views/dosage?providerId=p-2&month=2025-11&waitForPosition=${late.body.position}`);
    const before = await get('/views/dosage?providerId=p-2&month=2025-11&asOf=2026-01-31T00:00:00.000Z');
    expect(now.body.providers[0].months).toEqual([{ month: '2025-11', minutes: 50, status: 'partial' }]);
    expect(before.body).toMatchObject({
      asOf: '2026-01-31T00:00:00.000Z',
      providers: [{ months: [{ month: '2025-11', minutes: 0, status: 'none' }] }],
    });
  });

  it('timeline: the guide’s requirements per provider, and one provider by its route', async () => {
    const all = await get(`/views/timeline?waitForPosition=${seeded}`);
    expect(all.body.providers.map((p: { providerId: string }) => p.providerId)).toEqual(['p-1', 'p-2']);
    expect(all.body.communities[0].communityId).toBe('kent');
    const one = await get('/providers/p-1/timeline');
    expect(one.status).toBe(200);
    expect(one.body.providers).toHaveLength(1);
    expect(
      one.body.providers[0].requirements.find(
        (r: { requirementId: string }) => r.requirementId === 'demographic-survey',
      ),
    ).toMatchObject({ status: 'done' });
  });

  it('timeline: measured on today by the server’s clock unless a moment is named, a date meaning the end of that day', async () => {
    api.setNow('2026-03-10T08:00:00.000Z');
    const today = await get(`/providers/p-1/timeline?waitForPosition=${seeded}`);
    expect(today.body).toMatchObject({ asOf: '2026-03-10T23:59:59.999Z', on: '2026-03-10' });
    const dosageOf = (body: { providers: { requirements: { requirementId: string }[] }[] }, month: string) =>
      body.providers[0]!.requirements.find((r) => r.requirementId === `dosage-${month}`);
    expect(dosageOf(today.body, '2026-03')).toMatchObject({ status: 'due', daysLeft: 21 });
    expect(dosageOf(today.body, '2026-04')).toMatchObject({ status: 'upcoming', opensInDays: 22 });
    expect(dosageOf(today.body, '2025-10')).toMatchObject({ status: 'overdue' });
    const named = await get('/providers/p-1/timeline?asOf=2026-05-02');
    expect(named.body).toMatchObject({ asOf: '2026-05-02T23:59:59.999Z', on: '2026-05-02' });
    expect(dosageOf(named.body, '2026-04')).toMatchObject({ status: 'overdue', daysOverdue: 2 });
    const refused = await get('/providers/p-1/timeline?asOf=2026-02-30');
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.asOf']);
    // The clock the later tests were written against.
    api.setNow('2026-02-03T09:00:00.000Z');
  });

  it('cycles: the agreement’s signatures and cycles', async () => {
    const response = await get(`/views/cycles?providerId=p-1&waitForPosition=${seeded}`);
    expect(response.body.agreements).toEqual([
      expect.objectContaining({
        agreementId: 'a-1',
        stage: 'ended',
        cyclesCompleted: 1,
        signatures: expect.arrayContaining([expect.objectContaining({ party: 'coachee' })]),
      }),
    ]);
  });

  it('share: practices, goals, session dates and durations, completed cycles, and nothing else', async () => {
    const response = await get(`/views/share?providerId=p-1&waitForPosition=${seeded}`);
    expect(response.body.providers).toEqual([
      {
        providerId: 'p-1',
        practiceLists: [{ agreementId: 'a-1', practices: ['schedules-routines'] }],
        goals: [
          {
            goalId: 'g-1',
            practice: 'schedules-routines',
            description: 'Use a visual schedule every day.',
            achieved: true,
          },
        ],
        sessions: [
          { heldOn: '2025-09-16', durationMinutes: 100 },
          { heldOn: '2025-09-25', durationMinutes: 75 },
        ],
        completedCycles: 1,
      },
    ]);
  });

  it('evaluation: consents, observations with their scores, benchmarks and screenings per community', async () => {
    const response = await get(`/views/evaluation?communityId=kent&waitForPosition=${seeded}`);
    const kent = response.body.communities[0];
    expect(kent.observations.records).toEqual([
      expect.objectContaining({ observationId: 'obs-1', scores: { keyPracticesPercent: 72.5, redFlags: 2 } }),
    ]);
    expect(kent.screenings.summary).toMatchObject({ distributed: 1, erased: 1 });
  });

  it('history: every event of a stream with its metadata, by /streams/:stream and /views/history', async () => {
    const byStream = await get('/streams/agreement-a-1');
    const byView = await get('/views/history?stream=agreement-a-1');
    expect(byStream.status).toBe(200);
    expect(byStream.body.events.map((e: { type: string }) => e.type)).toEqual([
      'AgreementDrafted',
      'AgreementSigned',
      'AgreementSigned',
      'AgreementSigned',
      'CoachingCycleCompleted',
      'AgreementConcernRaised',
      'AgreementConcernResolved',
      'AgreementEnded',
    ]);
    expect(byStream.body.events[0]).toMatchObject({
      revision: 0,
      actor: { id: 'admin-1', role: 'admin' },
      recordedAt: '2026-01-15T12:00:00.000Z',
    });
    expect(byView.body).toEqual(byStream.body);
  });

  it('a provider’s debriefs and action plans', async () => {
    const debriefs = await get('/providers/p-1/debriefs');
    const plans = await get('/providers/p-1/plans');
    expect(debriefs.body.debriefs).toEqual([
      {
        observationId: 'obs-1',
        heldOn: '2025-09-18',
        strengths: ['Warm greetings at arrival.'],
        nextSteps: ['Add a visual schedule.'],
      },
    ]);
    expect(plans.body.actionPlans[0].goals).toEqual([
      {
        goalId: 'g-1',
        practice: 'schedules-routines',
        description: 'Use a visual schedule every day.',
        achievedOn: '2025-11-03',
      },
    ]);
  });

  it('records who read the history and the evaluation, and when, for auditors', async () => {
    const auditor = await api.token('auditor', 'aud-1');
    await get('/streams/provider-p-1', auditor);
    const day = (await get('/access-log?day=2026-02-03', auditor)).body;
    expect(day.reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: { id: 'aud-1', role: 'auditor' },
          view: 'history',
          query: { stream: 'provider-p-1' },
          at: '2026-02-03T09:00:00.000Z',
        }),
      ]),
    );
    expect(day.reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: { id: 'admin-1', role: 'admin' },
          view: 'evaluation',
          query: { communityId: 'kent' },
        }),
      ]),
    );
    expect((await get('/access-log?day=2026-01-14', auditor)).body.reads).toEqual([]);
  });
});
