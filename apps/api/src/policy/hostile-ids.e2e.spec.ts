import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@coachline/eventstore';
import { describeApiOnEachEngine } from '../testing/engines';
import { enrollmentBody, pathOf, sessionBody, wholeProgram } from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi, type TestApi, TEST_NOW } from '../testing/test-api';

const draft = {
  providerId: 'p-1',
  coachId: 'c-1',
  practices: ['transitions'],
  visitMode: 'virtual',
  estimatedCycles: 2,
  cadence: 'every-two-weeks',
};

/** An event as a store written before ids were checked holds it: straight into the store, past the API. */
const stored = (
  type: string,
  data: Record<string, unknown>,
  actor = { id: 'admin-1', role: 'admin' },
): EventToAppend => {
  const id = randomUUID();
  return {
    id,
    type,
    schemaVersion: 1,
    data,
    metadata: { actor, recordedAt: TEST_NOW, commandId: id, correlationId: id },
  };
};

describeApiOnEachEngine('ids that are names Object.prototype carries', (open) => {
  let api: TestApi;
  const as = async (target: TestApi, role: Parameters<TestApi['token']>[0], id: string) => {
    const token = await target.token(role, id);
    return {
      get: (path: string) => target.http().get(path).set('Authorization', `Bearer ${token}`),
      post: (path: string, body: object) => target.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    };
  };

  beforeAll(async () => {
    api = await open();
    await seed(api, wholeProgram);
  });

  describe('sent to the API', () => {
    it('are refused as an agreement id in the path, naming params.id, and nothing is written', async () => {
      const c1 = await as(api, 'coach', 'c-1');
      const head = await api.store.headPosition();
      const drafted = await c1.post(pathOf('DraftAgreement', '__proto__'), draft);
      const signed = await c1.post(pathOf('SignAgreement', '__proto__'), {
        party: 'coach',
        signedBy: 'c-1',
        signedOn: '2025-10-21',
      });
      for (const response of [drafted, signed]) {
        expect([response.status, response.body.code]).toEqual([400, 'invalid']);
        expect(response.body.errors).toEqual([
          expect.objectContaining({
            path: 'params.id',
            message: expect.stringContaining('not a name such as __proto__'),
          }),
        ]);
      }
      expect(await api.store.headPosition()).toBe(head);
    });

    it('are refused as a coach or provider id in the body, naming the field', async () => {
      const supervisor = await as(api, 'supervisor', 'sup-1');
      const head = await api.store.headPosition();
      for (const providerId of ['leadership', 'provider']) {
        const response = await supervisor.post(pathOf('EnrollProvider', providerId), enrollmentBody('__proto__'));
        expect([response.status, response.body.errors.map((e: { path: string }) => e.path)]).toEqual([
          400,
          ['body.coachId'],
        ]);
      }
      const other = await supervisor.post(pathOf('DraftAgreement', 'a-9'), { ...draft, providerId: 'constructor' });
      expect([other.status, other.body.errors.map((e: { path: string }) => e.path)]).toEqual([
        400,
        ['body.providerId'],
      ]);
      expect(await api.store.headPosition()).toBe(head);
    });

    it('are refused in the path and the query of a read', async () => {
      const admin = await as(api, 'admin', 'admin-1');
      const timeline = await admin.get('/providers/toString/timeline');
      expect([timeline.status, timeline.body.errors.map((e: { path: string }) => e.path)]).toEqual([
        400,
        ['params.id'],
      ]);
      const dosage = await admin.get('/views/dosage?providerId=__proto__');
      expect([dosage.status, dosage.body.errors.map((e: { path: string }) => e.path)]).toEqual([
        400,
        ['query.providerId'],
      ]);
    });
  });

  describe('already in the store', () => {
    let position: number;

    beforeAll(async () => {
      // Both reproductions as an older store would hold them: an agreement called __proto__, signed,
      // and providers called leadership and provider with a coach called __proto__.
      await api.store.append(
        'agreement-__proto__',
        [stored('AgreementDrafted', { agreementId: '__proto__', ...draft }, { id: 'c-1', role: 'coach' })],
        'any',
      );
      await api.store.append(
        'agreement-__proto__',
        [
          stored(
            'AgreementSigned',
            { agreementId: '__proto__', party: 'coach', signedBy: 'c-1', signedOn: '2025-10-21' },
            { id: 'c-1', role: 'coach' },
          ),
        ],
        'any',
      );
      for (const providerId of ['leadership', 'provider'])
        ({ lastPosition: position } = await api.store.append(
          `provider-${providerId}`,
          [
            stored(
              'ProviderEnrolled',
              { providerId, ...enrollmentBody('__proto__') },
              { id: 'sup-1', role: 'supervisor' },
            ),
          ],
          'any',
        ));
    });

    const keepsEveryPromise = async (target: TestApi) => {
      const admin = await as(target, 'admin', 'admin-1');
      const cycles = await admin.get(`/views/cycles?waitForPosition=${position}`);
      expect(cycles.status).toBe(200);
      expect(cycles.body.agreements.find((a: { agreementId: string }) => a.agreementId === '__proto__')).toMatchObject({
        providerId: 'p-1',
        signatures: [expect.objectContaining({ party: 'coach' })],
      });
      expect((await admin.get(`/views/timeline?waitForPosition=${position}`)).status).toBe(200);
      const ready = await target.http().get('/health/ready');
      expect([ready.status, ready.body.status]).toEqual([200, 'ready']);
      expect(ready.body.projections.filter((p: { parked?: unknown }) => p.parked !== undefined)).toEqual([]);

      // Coaches keep their own caseload, and nothing more.
      const c1 = await as(target, 'coach', 'c-1');
      const share = await c1.get(`/views/share?waitForPosition=${position}`);
      expect([share.status, share.body.providers.map((p: { providerId: string }) => p.providerId)]).toEqual([
        200,
        ['p-1'],
      ]);
      expect((await c1.get('/providers/p-1/timeline')).status).toBe(200);
      expect((await c1.get('/providers/leadership/timeline')).status).toBe(403);

      // Commands for other providers are taken as they were before.
      const session = await admin.post(
        pathOf('LogSession', 'p-2'),
        sessionBody(`s-${randomUUID()}`, '2025-10-20', 30, 'c-2'),
      );
      expect(session.status).toBe(201);

      // Leadership reads the share, and nothing the share leaves out.
      const leadership = await as(target, 'leadership', 'lead-1');
      expect((await leadership.get('/views/share')).status).toBe(200);
      for (const path of ['/views/evaluation', '/streams/provider-p-1', '/access-log']) {
        const response = await leadership.get(path);
        expect([path, response.status, response.body.code]).toEqual([path, 403, 'role-not-allowed']);
        expect(JSON.stringify(response.body)).not.toContain('keyPracticesPercent');
      }
    };

    it('fold into every view, keep readiness, caseloads and grants as they were', () => keepsEveryPromise(api));

    it('do the same after a restart, from the views saved beside the events', async () => {
      await api.app.close();
      const restarted = await startTestApi(api.store);
      try {
        await keepsEveryPromise(restarted);
      } finally {
        await restarted.close();
      }
    });
  });
});
