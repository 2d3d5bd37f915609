import type { Role } from '@coachline/domain';
import { describeApiOnEachEngine } from '../testing/engines';
import { wholeProgram } from '../testing/program-script';
import { seed } from '../testing/seed';
import { TEST_NOW, type TestApi } from '../testing/test-api';

const TODAY = TEST_NOW.slice(0, 10);

/** Every read of the API; those that show observation scores, the whole record, or the outcome of observations are recorded. */
const RECORDED = [
  ['the evaluation', '/views/evaluation', 'evaluation'],
  ['the evaluation as of a past moment', '/views/evaluation?asOf=2025-12-01T00:00:00.000Z', 'evaluation'],
  ['one provider’s evaluation', '/views/evaluation?providerId=p-1', 'evaluation'],
  ['a stream’s history by view', '/views/history?stream=provider-p-1', 'history'],
  ['a stream’s history by route', '/streams/provider-p-1', 'history'],
  ['a provider’s debriefs', '/providers/p-1/debriefs', 'debriefs'],
] as const;

const UNRECORDED = [
  '/views/dosage',
  '/views/timeline',
  '/views/cycles',
  '/views/share',
  '/providers/p-1/timeline',
  '/providers/p-1/plans',
];

describeApiOnEachEngine('the access listing', (open) => {
  let api: TestApi;
  let admin: string;
  const get = (path: string, token = admin) => api.http().get(path).set('Authorization', `Bearer ${token}`);
  const logged = async () => (await api.accessLog.readDay(TODAY)).length;

  beforeAll(async () => {
    api = await open();
    admin = await api.token('admin', 'admin-1');
    const position = await seed(api, wholeProgram);
    expect((await get(`/views/dosage?waitForPosition=${position}`)).status).toBe(200);
  });

  it.each(RECORDED)('records %s once: who, what and when', async (_name, path, view) => {
    const before = await logged();
    const response = await get(path);
    expect(response.status).toBe(200);
    const reads = await api.accessLog.readDay(TODAY);
    expect(reads).toHaveLength(before + 1);
    expect(reads.at(-1)).toMatchObject({
      actor: { id: 'admin-1', role: 'admin' },
      view,
      at: TEST_NOW,
      correlationId: response.headers['x-correlation-id'],
    });
  });

  it('records every read whose answer holds observation scores, and none of the views without them', async () => {
    for (const [, path] of RECORDED) {
      const before = await logged();
      const response = await get(path);
      if (JSON.stringify(response.body).includes('"scores"')) expect(await logged()).toBe(before + 1);
    }
    for (const path of UNRECORDED) {
      const before = await logged();
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toContain('"scores"');
      expect(await logged()).toBe(before);
    }
  });

  it('records nothing of a read that was refused', async () => {
    const before = await logged();
    expect((await get('/views/evaluation', await api.token('coach', 'c-1'))).status).toBe(403);
    expect((await get('/streams/provider-p-404')).status).toBe(404);
    expect(await logged()).toBe(before);
  });

  it('is listed to auditors and admins only', async () => {
    for (const role of ['auditor', 'admin'] as Role[])
      expect((await get(`/access-log?day=${TODAY}`, await api.token(role, `${role}-9`))).status).toBe(200);
    for (const role of ['evaluator', 'leadership', 'coach', 'supervisor', 'observer', 'provider'] as Role[])
      expect((await get(`/access-log?day=${TODAY}`, await api.token(role, `${role}-9`))).status).toBe(403);
  });

  it('narrows the listing by reader, subject and view, and lists a span of days', async () => {
    const auditor = await api.token('auditor', 'aud-1');
    api.setNow('2026-01-16T08:00:00.000Z');
    await get('/views/evaluation?providerId=p-2', await api.token('evaluator', 'ev-1'));
    api.setNow(TEST_NOW);
    const byReader = (await get(`/access-log?from=${TODAY}&to=2026-01-16&reader=ev-1`, auditor)).body;
    expect(byReader).toEqual({
      from: TODAY,
      to: '2026-01-16',
      reads: [
        expect.objectContaining({
          actor: { id: 'ev-1', role: 'evaluator' },
          view: 'evaluation',
          query: { providerId: 'p-2' },
          at: '2026-01-16T08:00:00.000Z',
        }),
      ],
    });
    const aboutP1 = (await get(`/access-log?day=${TODAY}&subject=p-1`, auditor)).body.reads as Array<{
      view: string;
      query: Record<string, string>;
    }>;
    expect(aboutP1.length).toBeGreaterThan(0);
    expect(aboutP1.every((read) => read.query.providerId === 'p-1' || read.query.stream === 'provider-p-1')).toBe(true);
    const debriefs = (await get(`/access-log?day=${TODAY}&view=debriefs`, auditor)).body.reads as Array<{
      view: string;
    }>;
    expect(debriefs.length).toBeGreaterThan(0);
    expect(debriefs.every((read) => read.view === 'debriefs')).toBe(true);
    expect((await get('/access-log?day=2026-01-16&reader=admin-1', auditor)).body).toEqual({
      day: '2026-01-16',
      reads: [],
    });
  });

  it('refuses a span that runs backwards, is longer than a month, or comes with a day', async () => {
    const auditor = await api.token('auditor', 'aud-1');
    expect((await get('/access-log?from=2026-01-16&to=2026-01-15', auditor)).status).toBe(400);
    expect((await get('/access-log?from=2026-01-01&to=2026-03-01', auditor)).status).toBe(400);
    expect((await get(`/access-log?from=${TODAY}&day=${TODAY}`, auditor)).status).toBe(400);
    expect((await get('/access-log?reader=%00', auditor)).status).toBe(400);
  });
});
