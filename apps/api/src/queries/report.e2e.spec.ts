import { describeApiOnEachEngine } from '../testing/engines';
import { agreementFamily, coachFamily, communityFamily, providerFamily, sessionBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

/** What no answer may carry raw: C0/C1 controls, DEL, line separators, bidi overrides. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Every id of a person in the seeded program, and text of its notes. */
const PEOPLE = ['p-1', 'p-2', 'c-1', 'c-2', 'sup-1', 'obs-ann', 'Dana Ruiz', 'Ana Lima', 'Lee Park'];
const NOTES = ['Visual schedules', 'Logged twice', 'visit ran longer', 'Fridays', 'Warm greetings', 'keyPractices'];

describeApiOnEachEngine('the program report (GET /reports/program)', (open) => {
  let api: TestApi;
  let seeded: number;
  const as = async (role: Parameters<TestApi['token']>[0], id: string) => {
    const token = await api.token(role, id);
    return (path: string) => api.http().get(path).set('Authorization', `Bearer ${token}`);
  };

  beforeAll(async () => {
    api = await open();
    // Recorded on the tests' clock, 15 January 2026: September's sessions were recorded months late.
    seeded = await seed(api, [
      ...communityFamily,
      ...coachFamily,
      ...providerFamily,
      ...agreementFamily,
      { type: 'LogSession', id: 'p-2', body: sessionBody('s-7', '2026-01-14', 30, 'c-2') },
    ]);
  });

  it('gives a supervisor the month in full: dosage, coaches, lag, the guide and Reflective Consultation', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor(`/reports/program?communityId=kent&month=2025-09&waitForPosition=${seeded}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      communityId: 'kent',
      month: '2025-09',
      asOf: '2026-01-15T23:59:59.999Z',
      on: '2026-01-15',
      dosage: { providers: 2, meeting: 1, partlyMeeting: 0, missing: 1 },
      reflectiveConsultation: { coaches: 2, attended: 1 },
    });
    const [c1, c2] = response.body.coaches;
    // s-1 (corrected to 100 minutes) and s-2: 175 minutes, held 16 and 25 September, both recorded 15 January.
    expect(c1).toMatchObject({
      coachId: 'c-1',
      providers: 1,
      minutes: 175,
      underTarget: 0,
      lag: { sessions: 2, medianDays: 112, p90Days: 121 },
      cyclesCompleted: 0,
      reflectiveConsultation: 'done',
    });
    expect(c2).toMatchObject({
      coachId: 'c-2',
      providers: 1,
      minutes: 0,
      underTarget: 1,
      reflectiveConsultation: 'overdue',
    });
    expect(c1.overdueItems + c2.overdueItems).toBe(response.body.totals.overdueItems);
    const guide = new Map((response.body.guide as Array<{ requirementId: string }>).map((g) => [g.requirementId, g]));
    expect(guide.get('module-1a')).toMatchObject({ status: 'done', metOn: '2025-09-10', metInMonth: true });
    expect(guide.get('provider-collaboration-meetings')).toMatchObject({ count: 1, min: 6, max: 12 });
  });

  it('counts the month’s cycles and sessions by the day they happened', async () => {
    const admin = await as('admin', 'admin-1');
    const october = (await admin('/reports/program?communityId=kent&month=2025-10')).body;
    expect(october.totals.cyclesCompleted).toBe(1);
    // s-3 of October was voided.
    expect(october.totals.lag.sessions).toBe(0);
    const january = (await admin('/reports/program?communityId=kent&month=2026-01')).body;
    expect(january.coaches[1]).toMatchObject({ coachId: 'c-2', minutes: 30, lag: { sessions: 1, medianDays: 1 } });
  });

  it('reads the program as it stood at a moment named', async () => {
    const admin = await as('admin', 'admin-1');
    const before = await admin('/reports/program?communityId=kent&month=2025-09&asOf=2025-12-31');
    // Nothing was recorded before 15 January: the community was not yet registered.
    expect([before.status, before.body.code, before.body.errors[0].path]).toEqual([
      404,
      'unknown-community',
      'query.communityId',
    ]);
  });

  it('gives an auditor the month in full as of a moment, and nothing of the community before it was recorded', async () => {
    const auditor = await as('auditor', 'aud-1');
    const response = await auditor(
      `/reports/program?communityId=kent&month=2025-09&asOf=2026-01-15T23:59:59.999Z&waitForPosition=${seeded}`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ communityId: 'kent', dosage: { providers: 2, meeting: 1 } });
    expect(response.body.coaches.map((coach: { coachId: string }) => coach.coachId)).toEqual(['c-1', 'c-2']);
    const before = await auditor('/reports/program?communityId=kent&month=2025-09&asOf=2025-12-31');
    expect([before.status, before.body.code]).toEqual([404, 'unknown-community']);
  });

  it('gives leadership counts and durations only: no coach, provider, note or score', async () => {
    const leadership = await as('leadership', 'lead-1');
    const response = await leadership('/reports/program?communityId=kent&month=2025-09');
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('coaches');
    expect(response.body.dosage).toEqual({ providers: 2, meeting: 1, partlyMeeting: 0, missing: 1 });
    expect(response.body.totals.lag).toEqual({ sessions: 2, medianDays: 112, p90Days: 121 });
    for (const accept of ['application/json', 'text/csv', 'text/html']) {
      const text = (await leadership('/reports/program?communityId=kent&month=2025-09').set('Accept', accept)).text;
      for (const word of [...PEOPLE, ...NOTES]) expect(text).not.toContain(word);
      expect(text).not.toMatch(/score/i);
    }
  });

  it('answers CSV as one table of section, subject, measure and value', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/reports/program?communityId=kent&month=2025-09').set('Accept', 'text/csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.text.trim().split('\n');
    expect(lines[0]).toBe('section,subject,measure,value');
    expect(lines).toContain('dosage,,meeting,1');
    expect(lines).toContain('coach,c-1,lagMedianDays,112');
  });

  it('answers a printable page to Accept: text/html, with no script', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/reports/program?communityId=kent&month=2025-09').set('Accept', 'text/html');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.text).toContain('@media print');
    expect(response.text).toContain('<td>c-1</td><td>1</td><td>175</td>');
    expect(response.text).not.toMatch(/<script/i);
  });

  it.each([
    ['coach', 'c-1'],
    ['provider', 'p-1'],
    ['evaluator', 'eval-1'],
    ['observer', 'obs-ann'],
  ] as const)('is not for a %s (403)', async (role, id) => {
    const reader = await as(role, id);
    expect((await reader('/reports/program?communityId=kent&month=2025-09')).status).toBe(403);
  });

  it('refuses hostile or missing parameters, naming each, echoing none of them raw', async () => {
    const supervisor = await as('supervisor', 'sup-1');
    const response = await supervisor('/reports/program').query({
      communityId: '\u202ekent<script>',
      month: '2025-13',
      asOf: '2026-01-01\u001b[31m',
      coachId: '__proto__',
      waitForPosition: '-1',
    });
    expect(response.status).toBe(400);
    expect((response.body.errors as Array<{ path: string }>).map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'query.communityId',
        'query.month',
        'query.asOf',
        'query.coachId',
        'query.waitForPosition',
      ]),
    );
    expect(response.text).not.toMatch(UNSAFE);
    // A refusal is JSON whatever the reader accepts, so the text sent is data, never markup.
    const asPage = await supervisor('/reports/program?communityId=%3Cscript%3E&month=2025-09').set(
      'Accept',
      'text/html',
    );
    expect([asPage.status, asPage.headers['content-type']]).toEqual([400, expect.stringMatching(/^application\/json/)]);
    const missing = await supervisor('/reports/program');
    expect([missing.status, (missing.body.errors as Array<{ path: string }>).map((e) => e.path).sort()]).toEqual([
      400,
      ['query.communityId', 'query.month'],
    ]);
    const repeated = await supervisor('/reports/program?communityId=kent&month=2025-09&month=2025-10');
    expect([repeated.status, repeated.body.errors[0].path]).toEqual([400, 'query.month']);
    const proto = await supervisor('/reports/program?communityId=__proto__&month=2025-09');
    expect([proto.status, proto.body.errors[0].path]).toEqual([400, 'query.communityId']);
    const unknown = await supervisor('/reports/program?communityId=ottawa&month=2025-09');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'unknown-community']);
  });
});
