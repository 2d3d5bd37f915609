import type { ProjectionCheckpoints } from '@coachline/eventstore';
import { caseloadsProjection } from '@coachline/projections';
import { describeApiOnEachEngine } from '../testing/engines';
import { enrollmentBody, sessionBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi, type TestApi } from '../testing/test-api';

const checkpointsOf = (api: TestApi): ProjectionCheckpoints => {
  if (api.store.projectionCheckpoints === undefined) throw new Error('The store keeps no projection checkpoints.');
  return api.store.projectionCheckpoints();
};

describeApiOnEachEngine('views kept beside the events', (open) => {
  it('are saved with their position when the API stops, and picked up from there by the next start', async () => {
    const first = await open();
    await seed(first, [{ type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') }]);
    const position = await seed(first, [{ type: 'LogSession', id: 'p-1', body: sessionBody('s-1', '2025-09-10', 30) }]);
    const admin = await first.token('admin', 'admin-1');
    const minutesOf = async (api: TestApi, atLeast = 0) =>
      (
        await api
          .http()
          .get(`/views/dosage?providerId=p-1&waitForPosition=${atLeast}`)
          .set('Authorization', `Bearer ${admin}`)
      ).body.providers[0].yearToDateMinutes;
    expect(await minutesOf(first, position)).toBe(30);
    await first.app.close();

    const saved = await checkpointsOf(first).list();
    expect(saved.map((record) => [record.name, record.position])).toEqual(
      expect.arrayContaining([['dosage', position]]),
    );

    // What the next start can only have from the saved row. Stored views other than the caseloads
    // are resumed as they are stored; `coachline verify --store` is what checks them (docs/auditing.md).
    const dosage = saved.find((record) => record.name === 'dosage')!;
    const state = dosage.state as {
      view: { providers: Record<string, { sessions: Record<string, { durationMinutes: number }> }> };
    };
    state.view.providers['p-1']!.sessions['s-1']!.durationMinutes = 45;
    await checkpointsOf(first).save({ ...dosage, state });
    const second = await startTestApi(first.store);
    try {
      expect(await minutesOf(second)).toBe(45);
    } finally {
      await second.close();
    }
  });

  it('never decide whom a coach reaches from a stored row: the caseloads are rebuilt from the events at each start', async () => {
    const first = await open();
    const position = await seed(first, [
      { type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') },
      { type: 'EnrollProvider', id: 'p-2', body: enrollmentBody('c-2') },
    ]);
    const admin = await first.token('admin', 'admin-1');
    expect(
      (await first.http().get(`/views/share?waitForPosition=${position}`).set('Authorization', `Bearer ${admin}`))
        .status,
    ).toBe(200);
    await first.app.close();
    expect((await checkpointsOf(first).list()).map((record) => record.name)).not.toContain('caseloads');

    // A caseloads row forged in the views table: c-1 given c-2's provider and one never enrolled.
    await checkpointsOf(first).save({
      name: caseloadsProjection.name,
      version: caseloadsProjection.version,
      position,
      state: {
        view: {
          coachOf: { 'p-1': 'c-1', 'p-2': 'c-1', 'p-saved-only': 'c-1' },
          caseloads: { 'c-1': { 'p-1': true, 'p-2': true, 'p-saved-only': true } },
        },
      },
    });

    const second = await startTestApi(first.store);
    try {
      const coach = await second.token('coach', 'c-1');
      const read = (providerId: string) =>
        second.http().get(`/views/share?providerId=${providerId}`).set('Authorization', `Bearer ${coach}`);
      expect((await read('p-1')).status).toBe(200);
      for (const providerId of ['p-2', 'p-saved-only']) {
        const refused = await read(providerId);
        expect([providerId, refused.status, refused.body.code]).toEqual([providerId, 403, 'outside-caseload']);
      }
      const share = await second.http().get('/views/share').set('Authorization', `Bearer ${coach}`);
      expect(share.body.providers.map((provider: { providerId: string }) => provider.providerId)).toEqual(['p-1']);
    } finally {
      await second.close();
    }
  });
});
