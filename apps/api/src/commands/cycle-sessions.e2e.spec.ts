import { describeApiOnEachEngine } from '../testing/engines';
import { coachFamily, communityFamily, pathOf, providerFamily, sessionBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

/**
 * p-1 has s-1 and s-2 logged and s-3 voided (the provider family); p-2 has s-20. Agreement a-9 of
 * p-1 with c-1 is active from 2025-09-25.
 */
describeApiOnEachEngine('the sessions a completed cycle names', (open) => {
  let api: TestApi;
  let admin: string;
  const complete = (sessionIds: string[], cycleNumber = 1) =>
    api
      .http()
      .post(pathOf('CompleteCoachingCycle', 'a-9'))
      .set('Authorization', `Bearer ${admin}`)
      .send({ cycleNumber, completedOn: '2025-10-08', sessionIds });

  beforeAll(async () => {
    api = await open();
    admin = await api.token('admin', 'admin-1');
    await seed(api, [...communityFamily, ...coachFamily, ...providerFamily]);
    const post = (path: string, body: object) =>
      api.http().post(path).set('Authorization', `Bearer ${admin}`).send(body).expect(201);
    await post(pathOf('LogSession', 'p-2'), sessionBody('s-20', '2025-09-30', 45, 'c-2'));
    await post(pathOf('DraftAgreement', 'a-9'), {
      providerId: 'p-1',
      coachId: 'c-1',
      practices: ['schedules-routines'],
      visitMode: 'in-person',
      estimatedCycles: 4,
      cadence: 'every-two-weeks',
    });
    for (const [party, signedBy] of [
      ['coach', 'c-1'],
      ['supervisor', 'sup-1'],
      ['coachee', 'p-1'],
    ])
      await post(pathOf('SignAgreement', 'a-9'), { party, signedBy, signedOn: '2025-09-25' });
  });

  it('refuses sessions not logged for the agreement’s provider, voided ones too, naming each; nothing is written', async () => {
    const head = await api.store.headPosition();
    const response = await complete(['s-1', 's-20', 's-3', 's-404']);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'cycle-sessions-not-logged',
      errors: [
        { path: 'body.sessionIds', message: 's-20: not logged for the provider' },
        { path: 'body.sessionIds', message: 's-3: voided' },
        { path: 'body.sessionIds', message: 's-404: not logged for the provider' },
      ],
    });
    expect(await api.store.headPosition()).toBe(head);
  });

  it('records a cycle made of the provider’s standing sessions', async () => {
    const response = await complete(['s-1', 's-2']);
    expect([response.status, response.body.events?.map((e: { type: string }) => e.type)]).toEqual([
      201,
      ['CoachingCycleCompleted'],
    ]);
  });

  it('leaves an agreement never drafted to its own refusal', async () => {
    const response = await api
      .http()
      .post(pathOf('CompleteCoachingCycle', 'a-404'))
      .set('Authorization', `Bearer ${admin}`)
      .send({ cycleNumber: 1, completedOn: '2025-10-08', sessionIds: ['s-1'] });
    expect([response.status, response.body.code]).toEqual([404, 'agreement-not-drafted']);
  });
});
