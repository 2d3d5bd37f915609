import { describeApiOnEachEngine } from '../testing/engines';
import { communityFamily, coachFamily, enrollmentBody, pathOf, sessionBody } from '../testing/program-script';
import { seed } from '../testing/seed';
import { TEST_NOW, type TestApi } from '../testing/test-api';
import { CORRELATION_ID_MAX_LENGTH, CORRELATION_ID_RULE } from './correlation-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What a client might put in the header, by mistake or on purpose: none of it may reach the permanent record. */
const HOSTILE = [
  ['a child’s name and birthday', 'Ana Lima born 2021-03-04'],
  ['text with a comma and quotes', 'child="Ana", dob=2021-03-04'],
  ['an id one character too long', 'a'.repeat(CORRELATION_ID_MAX_LENGTH + 1)],
  ['an id as long as the id grammar allows', 'b'.repeat(128)],
  ['a name Object.prototype carries', '__proto__'],
  ['another such name', 'constructor'],
  ['markup', '<script>alert(1)</script>'],
  ['bytes beyond ASCII', 'Ni\u00f1o-\u00e9l\u00e8ve'],
  ['a long text', 'notes '.repeat(1_000)],
  ['an empty value', ''],
] as const;

describeApiOnEachEngine('correlation ids', (open) => {
  let api: TestApi;
  let admin: string;
  let session = 0;

  beforeAll(async () => {
    api = await open();
    await seed(api, [
      ...communityFamily,
      ...coachFamily,
      { type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') },
    ]);
    admin = await api.token('admin', 'admin-1');
  });

  /** Logs a session with the header, and reads the recorded event back from the store. */
  const logSession = async (correlationId: string) => {
    session += 1;
    const response = await api
      .http()
      .post(pathOf('LogSession', 'p-1'))
      .set('Authorization', `Bearer ${admin}`)
      .set('X-Correlation-Id', correlationId)
      .send(sessionBody(`s-${session}`, '2025-09-16', 30));
    expect(response.status).toBe(201);
    const recorded = [];
    for await (const event of api.store.readStream('provider-p-1', { from: response.body.revision }))
      recorded.push(event);
    return { response, recorded };
  };

  it.each(HOSTILE)(
    'are replaced by a new UUID when the client sends %s, and the value never reaches the stored event',
    async (_name, hostile) => {
      const { response, recorded } = await logSession(hostile);
      const id = response.headers['x-correlation-id'];
      expect(id).toMatch(UUID);
      expect(response.headers['x-correlation-id-replaced']).toBe(CORRELATION_ID_RULE);
      expect(response.body.correlationId).toBe(id);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]!.metadata.correlationId).toBe(id);
      if (hostile !== '') expect(JSON.stringify(recorded[0]!.metadata)).not.toContain(hostile);
    },
  );

  it.each([
    ['a UUID', '0d3c3b7e-5a4e-4c52-9d8a-2a1f7e0c9b11'],
    ['a short id', 'corr-from-client'],
    ['an id exactly as long as the rule allows', 'c'.repeat(CORRELATION_ID_MAX_LENGTH)],
  ])('are kept as sent when the client sends %s, into the event and the answer', async (_name, kept) => {
    const { response, recorded } = await logSession(kept);
    expect(response.headers['x-correlation-id']).toBe(kept);
    expect(response.headers['x-correlation-id-replaced']).toBeUndefined();
    expect(recorded[0]!.metadata.correlationId).toBe(kept);
  });

  it('are made for requests that send none, and say nothing was replaced', async () => {
    const response = await api.http().get('/views/dosage').set('Authorization', `Bearer ${admin}`);
    expect(response.headers['x-correlation-id']).toMatch(UUID);
    expect(response.headers['x-correlation-id-replaced']).toBeUndefined();
  });

  it('are replaced the same way in the access log: a read records the new id, never the text sent', async () => {
    const response = await api
      .http()
      .get('/streams/provider-p-1')
      .set('Authorization', `Bearer ${admin}`)
      .set('X-Correlation-Id', 'Ana Lima born 2021-03-04');
    expect(response.status).toBe(200);
    const reads = await api.accessLog.readDay(TEST_NOW.slice(0, 10));
    expect(reads.at(-1)!.correlationId).toBe(response.headers['x-correlation-id']);
    expect(JSON.stringify(reads)).not.toContain('Ana Lima');
  });
});
