import { describeApiOnEachEngine } from '../testing/engines';
import { pathOf, sessionBody, wholeProgram } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

/** Every key of a JSON value, however deep. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
      : [];

describeApiOnEachEngine('how far each grant reaches', (open) => {
  let api: TestApi;
  let seeded: number;
  const as = async (role: Parameters<TestApi['token']>[0], id: string) => {
    const token = await api.token(role, id);
    return {
      get: (path: string) => api.http().get(path).set('Authorization', `Bearer ${token}`),
      post: (path: string, body: object) => api.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    };
  };

  beforeAll(async () => {
    api = await open();
    seeded = await seed(api, wholeProgram);
  });

  describe('a coach', () => {
    it('writes on their own caseload', async () => {
      const c1 = await as('coach', 'c-1');
      expect((await c1.post(pathOf('LogSession', 'p-1'), sessionBody('s-100', '2025-10-20', 30))).status).toBe(201);
    });

    it('may not write on another coach’s provider, and nothing is written', async () => {
      const c2 = await as('coach', 'c-2');
      const head = await api.store.headPosition();
      const response = await c2.post(pathOf('LogSession', 'p-1'), sessionBody('s-101', '2025-10-20', 30, 'c-2'));
      expect([response.status, response.body.code]).toEqual([403, 'outside-caseload']);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('may not log a session in another coach’s name', async () => {
      const c1 = await as('coach', 'c-1');
      const response = await c1.post(pathOf('LogSession', 'p-1'), sessionBody('s-102', '2025-10-20', 30, 'c-2'));
      expect([response.status, response.body.code, response.body.errors[0].path]).toEqual([
        403,
        'acting-as-another',
        'body.coachId',
      ]);
    });

    it('reaches an agreement or a screening through the provider it is about', async () => {
      const c1 = await as('coach', 'c-1');
      const c2 = await as('coach', 'c-2');
      const draft = {
        providerId: 'p-1',
        coachId: 'c-1',
        practices: ['transitions'],
        visitMode: 'virtual',
        estimatedCycles: 2,
        cadence: { other: 'every three weeks' },
      };
      expect((await c2.post(pathOf('DraftAgreement', 'a-2'), { ...draft, coachId: 'c-2' })).status).toBe(403);
      expect((await c1.post(pathOf('DraftAgreement', 'a-2'), draft)).status).toBe(201);
      const signByOther = await c2.post(pathOf('SignAgreement', 'a-2'), {
        party: 'coach',
        signedBy: 'c-2',
        signedOn: '2025-10-21',
      });
      expect([signByOther.status, signByOther.body.code]).toEqual([403, 'outside-caseload']);
      const screening = { providerId: 'p-1', childRef: 'child-9', ageIntervalMonths: 24, distributedOn: '2025-10-02' };
      expect((await c2.post(pathOf('DistributeAsqSe2', 'scr-2'), screening)).status).toBe(403);
      expect((await c1.post(pathOf('DistributeAsqSe2', 'scr-2'), screening)).status).toBe(201);
      expect(
        (await c2.post(pathOf('ScoreAsqSe2', 'scr-2'), { score: 10, zone: 'below-cutoff', scoredOn: '2025-10-09' }))
          .status,
      ).toBe(403);
    });

    it('records on their own coach record only', async () => {
      const c1 = await as('coach', 'c-1');
      expect(
        (
          await c1.post(pathOf('RecordCoachQualification', 'c-1'), {
            qualificationId: 'q-2',
            credential: 'CLASS observer',
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await c1.post(pathOf('RecordCoachQualification', 'c-2'), {
            qualificationId: 'q-3',
            credential: 'CLASS observer',
          })
        ).status,
      ).toBe(403);
    });

    it('sees only their caseload in the views', async () => {
      const c1 = await as('coach', 'c-1');
      const dosage = (await c1.get(`/views/dosage?waitForPosition=${seeded}`)).body;
      expect(dosage.providers.map((p: { providerId: string }) => p.providerId)).toEqual(['p-1']);
      expect(dosage.coaches.map((c: { coachId: string }) => c.coachId)).toEqual(['c-1']);
      expect((await c1.get('/views/timeline')).body.providers.map((p: { providerId: string }) => p.providerId)).toEqual(
        ['p-1'],
      );
      expect((await c1.get('/views/share')).body.providers.map((p: { providerId: string }) => p.providerId)).toEqual([
        'p-1',
      ]);
      expect(
        (await c1.get('/views/cycles')).body.agreements.every((a: { providerId: string }) => a.providerId === 'p-1'),
      ).toBe(true);
    });

    it.each([
      '/views/dosage?providerId=p-2',
      '/providers/p-2/timeline',
      '/providers/p-2/debriefs',
      '/providers/p-2/plans',
    ])('may not read %s of another coach’s provider', async (path) => {
      const response = await (await as('coach', 'c-1')).get(path);
      expect([response.status, response.body.code]).toEqual([403, 'outside-caseload']);
    });

    it('loses a provider reassigned to another coach, as the store has it', async () => {
      const admin = await as('admin', 'admin-1');
      const reassigned = await admin.post(pathOf('ReassignProvider', 'p-1'), {
        fromCoachId: 'c-1',
        toCoachId: 'c-2',
        on: '2025-12-02',
      });
      expect(reassigned.status).toBe(201);
      const c1 = await as('coach', 'c-1');
      const c2 = await as('coach', 'c-2');
      expect((await c1.post(pathOf('LogSession', 'p-1'), sessionBody('s-103', '2025-12-03', 30))).status).toBe(403);
      expect((await c2.post(pathOf('LogSession', 'p-1'), sessionBody('s-104', '2025-12-03', 30, 'c-2'))).status).toBe(
        201,
      );
      const view = (await c2.get(`/views/share?waitForPosition=${reassigned.body.position}`)).body;
      expect(view.providers.map((p: { providerId: string }) => p.providerId)).toEqual(['p-1', 'p-2']);
      const admin2 = await admin.post(pathOf('ReassignProvider', 'p-1'), {
        fromCoachId: 'c-2',
        toCoachId: 'c-1',
        on: '2025-12-04',
      });
      expect(admin2.status).toBe(201);
    });
  });

  describe('a provider', () => {
    it('reads their own debriefs and plans, and no one else’s', async () => {
      const p1 = await as('provider', 'p-1');
      expect((await p1.get('/providers/p-1/debriefs')).body.debriefs).toHaveLength(1);
      expect((await p1.get('/providers/p-1/plans')).body.actionPlans).toHaveLength(1);
      expect((await p1.get('/providers/p-2/debriefs')).status).toBe(403);
      expect((await p1.get('/providers/p-2/timeline')).status).toBe(403);
    });

    it('reads their own coaching log (summaries, next steps, strategies, feedback sent), and no one else’s', async () => {
      const p1 = await as('provider', 'p-1');
      const log = await p1.get('/providers/p-1/coaching-log');
      expect(log.status).toBe(200);
      expect(log.body.sessions).toContainEqual(
        expect.objectContaining({
          sessionId: 's-1',
          durationMinutes: 100,
          strategies: ['modeling'],
          summary: null,
          nextSteps: [],
          feedbackSentOn: ['2025-09-17'],
        }),
      );
      expect(log.body.sessions.map((s: { sessionId: string }) => s.sessionId)).not.toContain('s-3');
      const refused = await p1.get('/providers/p-2/coaching-log');
      expect([refused.status, refused.body.code]).toEqual([403, 'outside-caseload']);
      expect(JSON.stringify(refused.body)).not.toContain('s-20');
      const c2 = await as('coach', 'c-2');
      expect((await c2.get('/providers/p-1/coaching-log')).status).toBe(403);
    });

    it('never receives an observation score, from any route they may read', async () => {
      const p1 = await as('provider', 'p-1');
      const paths = [
        '/views/dosage',
        '/views/timeline',
        '/views/cycles',
        '/views/share',
        '/providers/p-1/timeline',
        '/providers/p-1/debriefs',
        '/providers/p-1/plans',
        '/providers/p-1/coaching-log',
      ];
      for (const path of paths) {
        const response = await p1.get(path);
        expect([path, response.status]).toEqual([path, 200]);
        expect(keysOf(response.body)).not.toContain('scores');
        expect(JSON.stringify(response.body)).not.toContain('keyPracticesPercent');
      }
      const dosage = (await p1.get('/views/dosage')).body;
      expect([dosage.providers.map((p: { providerId: string }) => p.providerId), dosage.coaches]).toEqual([
        ['p-1'],
        [],
      ]);
    });

    it('signs their own agreement as the coachee, and only as the coachee', async () => {
      const p1 = await as('provider', 'p-1');
      const p2 = await as('provider', 'p-2');
      expect(
        (await p2.post(pathOf('SignAgreement', 'a-2'), { party: 'coachee', signedBy: 'p-2', signedOn: '2025-10-22' }))
          .status,
      ).toBe(403);
      const asCoach = await p1.post(pathOf('SignAgreement', 'a-2'), {
        party: 'coach',
        signedBy: 'p-1',
        signedOn: '2025-10-22',
      });
      expect([asCoach.status, asCoach.body.code]).toEqual([403, 'acting-as-another']);
      expect(
        (await p1.post(pathOf('SignAgreement', 'a-2'), { party: 'coachee', signedBy: 'p-1', signedOn: '2025-10-22' }))
          .status,
      ).toBe(201);
    });
  });

  describe('the other roles', () => {
    it('leadership reads the share of every provider', async () => {
      const response = await (await as('leadership', 'lead-1')).get('/views/share');
      expect(response.body.providers.map((p: { providerId: string }) => p.providerId)).toEqual(['p-1', 'p-2']);
    });

    it('an evaluator reads the evaluation, scores included, and the read is recorded', async () => {
      const response = await (await as('evaluator', 'eval-1')).get('/views/evaluation');
      expect(response.body.communities[0].observations.records[0].scores).toEqual({
        keyPracticesPercent: 72.5,
        redFlags: 2,
      });
      const reads = await api.accessLog.readDay('2026-01-15');
      expect(reads).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actor: { id: 'eval-1', role: 'evaluator' }, view: 'evaluation' }),
        ]),
      );
    });

    it('an auditor reads any stream’s history', async () => {
      const response = await (await as('auditor', 'aud-1')).get('/streams/screening-scr-1');
      expect(response.body.events.map((e: { type: string }) => e.type)).toContain('ChildDataErased');
    });

    it('an observer records observations for any provider', async () => {
      const observer = await as('observer', 'obs-ann');
      const consent = await (
        await as('admin', 'admin-1')
      ).post(pathOf('UploadConsent', 'p-2'), {
        consentId: 'consent-2',
        instrument: 'TPOT',
        signedOn: '2025-10-01',
        document: { uri: 'https://documents.example/consent-2.pdf', sha256: 'cd'.repeat(32) },
      });
      expect(consent.status).toBe(201);
      expect(
        (
          await observer.post(pathOf('ScheduleObservation', 'p-2'), {
            observationId: 'obs-2',
            instrument: 'TPOT',
            scheduledFor: '2025-10-06',
            observerId: 'obs-ann',
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await observer.post(pathOf('CompleteObservation', 'p-2'), {
            observationId: 'obs-2',
            observedOn: '2025-10-06',
            scores: { redFlags: 1 },
          })
        ).status,
      ).toBe(201);
    });
  });
});
