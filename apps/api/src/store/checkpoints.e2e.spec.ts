import type { ProjectionCheckpoints } from '@coachline/eventstore';
import { describeApiOnEachEngine } from '../testing/engines';
import { enrollmentBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi } from '../testing/test-api';

describeApiOnEachEngine('views kept beside the events', (open) => {
  it('are saved with their position when the API stops, and picked up from there by the next start', async () => {
    const first = await open();
    const position = await seed(first, [{ type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') }]);
    const admin = await first.token('admin', 'admin-1');
    expect((await first.http().get(`/views/dosage?waitForPosition=${position}`).set('Authorization', `Bearer ${admin}`)).status).toBe(200);
    await first.app.close();

    const checkpoints = (first.store as unknown as { projectionCheckpoints(): ProjectionCheckpoints }).projectionCheckpoints();
    const saved = await checkpoints.list();
    expect(saved.map((record) => [record.name, record.position])).toEqual(
      expect.arrayContaining([
        ['dosage', position],
        ['caseloads', position],
      ]),
    );

    // A caseload only the saved view knows of: the next start can only have it from the checkpoint.
    const caseloads = saved.find((record) => record.name === 'caseloads')!;
    const state = caseloads.state as { view: { coachOf: Record<string, string>; caseloads: Record<string, Record<string, true>> } };
    state.view.coachOf['p-saved-only'] = 'c-1';
    state.view.caseloads['c-1']!['p-saved-only'] = true;
    await checkpoints.save({ ...caseloads, state });

    const second = await startTestApi(first.store);
    try {
      const coach = await second.token('coach', 'c-1');
      const read = await second.http().get('/views/share?providerId=p-saved-only').set('Authorization', `Bearer ${coach}`);
      expect([read.status, read.body.providers]).toEqual([200, []]);
    } finally {
      await second.close();
    }
  });
});
