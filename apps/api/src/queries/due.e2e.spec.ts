import { describeApiOnEachEngine } from '../testing/engines';
import { coachFamily, communityFamily, providerFamily } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

interface Row {
  providerId: string;
  coachId: string | null;
  requirementId: string;
  status: string;
  days: number | null;
}

/** What no answer may carry raw: C0/C1 controls, DEL, line separators, bidi overrides. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

describeApiOnEachEngine('the due list (GET /due)', (open) => {
  let api: TestApi;
  let seeded: number;
  const as = async (role: Parameters<TestApi['token']>[0], id: string) => {
    const token = await api.token(role, id);
    return (path: string) => api.http().get(path).set('Authorization', `Bearer ${token}`);
  };

  beforeAll(async () => {
    api = await open();
    // p-1 with coach c-1 and p-2 with coach c-2, both enrolled on 2 September 2025; the clock shows 15 January 2026.
    seeded = await seed(api, [...communityFamily, ...coachFamily, ...providerFamily]);
  });

  it('gives a coach their week: overdue rows and what closes within 7 days, of their caseload only', async () => {
    const c1 = await as('coach', 'c-1');
    const response = await c1(`/due?within=7&waitForPosition=${seeded}`);
    expect(response.status).toBe(200);
    expect([response.body.on, response.body.asOf]).toEqual(['2026-01-15', '2026-01-15T23:59:59.999Z']);
    const rows = response.body.rows as Row[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.providerId))).toEqual(new Set(['p-1']));
    expect(new Set(rows.map((r) => r.coachId))).toEqual(new Set(['c-1']));
    for (const row of rows) expect(row.status === 'overdue' || (row.status === 'due' && row.days! <= 7)).toBe(true);
    // October's dosage was never reached (s-3 was voided): overdue since 31 October, 76 days on the 15th of January.
    expect(rows.find((r) => r.requirementId === 'dosage-2025-10')).toMatchObject({ status: 'overdue', days: 76 });
    // Overdue rows come first, the longest overdue first.
    const overdue = rows.filter((r) => r.status === 'overdue').map((r) => r.days!);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    expect(rows.slice(0, overdue.length).every((r) => r.status === 'overdue')).toBe(true);
  });

  it('measures on the day asked about: on 20 January, January’s dosage has 11 days left', async () => {
    const c1 = await as('coach', 'c-1');
    const response = await c1('/due?asOf=2026-01-20&requirement=dosage&status=due');
    expect(response.status).toBe(200);
    expect(response.body.rows).toEqual([
      expect.objectContaining({ providerId: 'p-1', requirementId: 'dosage-2026-01', status: 'due', days: 11 }),
    ]);
  });

  it('lets a supervisor filter by coach and status', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/due?coachId=c-2&status=overdue,upcoming');
    expect(response.status).toBe(200);
    const rows = response.body.rows as Row[];
    expect(new Set(rows.map((r) => r.providerId))).toEqual(new Set(['p-2']));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['overdue', 'upcoming']));
    const all = await supervisor('/due');
    expect(new Set((all.body.rows as Row[]).map((r) => r.providerId))).toEqual(new Set(['p-1', 'p-2']));
  });

  it('answers CSV from the same rows', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/due?coachId=c-2&requirement=dosage&status=overdue').set('Accept', 'text/csv');
    expect(response.status).toBe(200);
    const lines = response.text.trim().split('\n');
    expect(lines[0]).toBe(
      'providerId,coachId,communityId,requirementId,title,month,windowFrom,windowTo,status,days,late,metOn,metByEventId,minutes,targetMinutes',
    );
    expect(lines[1]).toMatch(/^p-2,c-2,kent,dosage-2025-09,.*,overdue,\d+,false,,,0,150$/);
  });

  it('refuses hostile parameters, naming each, echoing none of them raw', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/due').query({
      status: 'due,\u001b[31mlate',
      within: '-1',
      coachId: '__proto__',
      requirement: '<script>alert(1)</script>',
      asOf: 'yesterday',
      providerId: "p-1'; DROP TABLE events; --",
      communityId: '\u202ekent',
      sort: 'days',
    });
    expect(response.status).toBe(400);
    expect((response.body.errors as Array<{ path: string }>).map((e) => e.path).sort()).toEqual(
      expect.arrayContaining([
        'query.asOf',
        'query.coachId',
        'query.communityId',
        'query.providerId',
        'query.requirement',
        'query.sort',
        'query.status',
        'query.within',
      ]),
    );
    expect(response.text).not.toMatch(UNSAFE);
    for (const within of ['1.5', '1e3', '123456', ''])
      expect((await supervisor(`/due?within=${within}`)).status).toBe(400);
    const repeated = await supervisor('/due?status=due&status=overdue');
    expect([repeated.status, repeated.body.errors[0].path]).toEqual([400, 'query.status']);
  });

  it('refuses a coach asking for another coach’s list or provider (403), and narrows their unfiltered list', async () => {
    const c1 = await as('coach', 'c-1');
    const otherCoach = await c1('/due?coachId=c-2');
    expect([otherCoach.status, otherCoach.body.code, otherCoach.body.errors[0].path]).toEqual([
      403,
      'outside-caseload',
      'query.coachId',
    ]);
    const otherProvider = await c1('/due?providerId=p-2');
    expect([otherProvider.status, otherProvider.body.code]).toEqual([403, 'outside-caseload']);
    const own = await c1('/due?coachId=c-1&status=overdue,due,upcoming,done,not-applicable');
    expect(own.status).toBe(200);
    expect(new Set((own.body.rows as Row[]).map((r) => r.providerId))).toEqual(new Set(['p-1']));
  });

  it('shows a provider their own rows only, with no score', async () => {
    const p2 = await as('provider', 'p-2');
    const response = await p2('/due?status=overdue,due,upcoming,done,not-applicable');
    expect(response.status).toBe(200);
    expect(new Set((response.body.rows as Row[]).map((r) => r.providerId))).toEqual(new Set(['p-2']));
    // Requirements and their windows only: no field of a row holds an observation's score.
    const keys = new Set((response.body.rows as Row[]).flatMap((r) => Object.keys(r)));
    expect([...keys].filter((key) => /score/i.test(key))).toEqual([]);
    expect(keys.size).toBe(15);
    expect((await p2('/due?providerId=p-1')).status).toBe(403);
  });

  it('gives an auditor the list as it stood on a day asked about, for any coach', async () => {
    const auditor = await as('auditor', 'aud-1');
    const response = await auditor('/due?asOf=2026-01-20&requirement=dosage&status=due&coachId=c-1');
    expect(response.status).toBe(200);
    expect(response.body.rows).toEqual([
      expect.objectContaining({ providerId: 'p-1', requirementId: 'dosage-2026-01', status: 'due', days: 11 }),
    ]);
  });

  it.each([
    ['leadership', 'lead-1'],
    ['evaluator', 'eval-1'],
    ['observer', 'obs-ann'],
  ] as const)('is not for a %s (403)', async (role, id) => {
    const reader = await as(role, id);
    expect((await reader('/due')).status).toBe(403);
  });
});
