import { describeApiOnEachEngine } from '../testing/engines';
import { coachFamily, communityFamily, providerFamily, sessionBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

interface Row {
  providerId: string;
  coachId: string | null;
  thisMonth: { month: string; minutes: number; targetMinutes: number | null; status: string } | null;
  next: { requirementId: string; status: string; days: number } | null;
}

/** What no answer may carry raw: C0/C1 controls, DEL, line separators, bidi overrides. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

describeApiOnEachEngine('the caseload list (GET /providers)', (open) => {
  let api: TestApi;
  let seeded: number;
  const as = async (role: Parameters<TestApi['token']>[0], id: string) => {
    const token = await api.token(role, id);
    return (path: string) => api.http().get(path).set('Authorization', `Bearer ${token}`);
  };

  beforeAll(async () => {
    api = await open();
    // p-1 with coach c-1 and p-2 with coach c-2, enrolled on 2 September 2025; the clock shows 15 January 2026,
    // and p-1 had an hour of coaching on the 12th.
    seeded = await seed(api, [
      ...communityFamily,
      ...coachFamily,
      ...providerFamily,
      { type: 'LogSession', id: 'p-1', body: sessionBody('s-9', '2026-01-12', 60) },
    ]);
  });

  it('gives a supervisor every provider by coach, with this month’s dosage and the next item, on today', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor(`/providers?waitForPosition=${seeded}`);
    expect(response.status).toBe(200);
    expect([response.body.asOf, response.body.on]).toEqual(['2026-01-15T23:59:59.999Z', '2026-01-15']);
    const rows = response.body.providers as Row[];
    expect(rows.map((r) => [r.coachId, r.providerId])).toEqual([
      ['c-1', 'p-1'],
      ['c-2', 'p-2'],
    ]);
    expect(rows[0]).toMatchObject({
      communityId: 'kent',
      siteId: 'site-4',
      setting: 'center',
      enrolledOn: '2025-09-02',
      exitedOn: null,
      thisMonth: { month: '2026-01', minutes: 60, targetMinutes: 150, status: 'partial' },
    });
    expect(rows[1]!.thisMonth).toEqual({ month: '2026-01', minutes: 0, targetMinutes: 150, status: 'none' });
    // p-2 has done nothing since September: their next item is overdue.
    expect(rows[1]!.next).toMatchObject({ status: 'overdue' });
    expect(rows[1]!.next!.days).toBeGreaterThan(0);
  });

  it('measures on the moment asked about: on 1 February the month is February’s', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/providers?asOf=2026-02-01&coachId=c-1');
    expect(response.status).toBe(200);
    expect(response.body.providers).toEqual([
      expect.objectContaining({
        providerId: 'p-1',
        thisMonth: { month: '2026-02', minutes: 0, targetMinutes: 150, status: 'none' },
      }),
    ]);
    // Before anything was recorded, no one is enrolled yet.
    const before = await supervisor('/providers?asOf=2025-06-01');
    expect([before.status, before.body.providers]).toEqual([200, []]);
  });

  it('keeps only the community asked for', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    expect((await supervisor('/providers?communityId=kent')).body.providers).toHaveLength(2);
    expect((await supervisor('/providers?communityId=ottawa')).body.providers).toEqual([]);
  });

  it('answers CSV from the list’s table', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/providers?coachId=c-1').set('Accept', 'text/csv');
    expect(response.status).toBe(200);
    const lines = response.text.trim().split('\n');
    expect(lines[0]).toBe(
      'providerId,coachId,communityId,programYearId,siteId,setting,enrolledOn,exitedOn,month,minutes,targetMinutes,dosageStatus,nextRequirementId,nextTitle,nextMonth,nextStatus,nextWindowTo,nextDays',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^p-1,c-1,kent,py-2025,site-4,center,2025-09-02,,2026-01,60,150,partial,/);
  });

  it('gives a coach their own caseload, and refuses another coach’s (403)', async () => {
    const c1 = await as('coach', 'c-1');
    const own = await c1('/providers');
    expect(own.status).toBe(200);
    expect((own.body.providers as Row[]).map((r) => r.providerId)).toEqual(['p-1']);
    expect((await c1('/providers?coachId=c-1')).body.providers).toHaveLength(1);
    const other = await c1('/providers?coachId=c-2');
    expect([other.status, other.body.code, other.body.errors[0].path]).toEqual([
      403,
      'outside-caseload',
      'query.coachId',
    ]);
  });

  it('shows a provider their own row only, with no score', async () => {
    const p2 = await as('provider', 'p-2');
    const response = await p2('/providers');
    expect(response.status).toBe(200);
    const rows = response.body.providers as Row[];
    expect(rows.map((r) => r.providerId)).toEqual(['p-2']);
    expect(JSON.stringify(response.body)).not.toMatch(/score/i);
    expect((await p2('/providers?coachId=c-2')).status).toBe(403);
  });

  it('gives an auditor every provider, read as of any moment, and nothing before it was recorded', async () => {
    const auditor = await as('auditor', 'aud-1');
    const now = await auditor(`/providers?waitForPosition=${seeded}`);
    expect(now.status).toBe(200);
    expect((now.body.providers as Row[]).map((r) => r.providerId)).toEqual(['p-1', 'p-2']);
    const before = await auditor('/providers?asOf=2025-06-01');
    expect([before.status, before.body.providers]).toEqual([200, []]);
  });

  it.each([
    ['leadership', 'lead-1'],
    ['evaluator', 'eval-1'],
    ['observer', 'obs-ann'],
  ] as const)('is not for a %s (403)', async (role, id) => {
    const reader = await as(role, id);
    expect((await reader('/providers')).status).toBe(403);
  });

  it('refuses hostile parameters, naming each, echoing none of them raw', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/providers').query({
      asOf: '2026-01-01\u001b[31m',
      coachId: '__proto__',
      communityId: '\u202ekent',
      waitForPosition: '-1',
      providerId: 'p-1',
      sort: "name'; DROP TABLE events; --",
    });
    expect(response.status).toBe(400);
    expect((response.body.errors as Array<{ path: string }>).map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'query.asOf',
        'query.coachId',
        'query.communityId',
        'query.waitForPosition',
        'query.providerId',
        'query.sort',
      ]),
    );
    expect(response.text).not.toMatch(UNSAFE);
    const repeated = await supervisor('/providers?coachId=c-1&coachId=c-2');
    expect([repeated.status, repeated.body.errors[0].path]).toEqual([400, 'query.coachId']);
    const ahead = await supervisor('/providers?waitForPosition=999999');
    expect([ahead.status, ahead.body.code]).toEqual([400, 'unknown-position']);
  });

  it('leaves one provider’s routes as they were', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const timeline = await supervisor('/providers/p-1/timeline');
    expect([timeline.status, timeline.body.providers[0].providerId]).toEqual([200, 'p-1']);
  });
});
