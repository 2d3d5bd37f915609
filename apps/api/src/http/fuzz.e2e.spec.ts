import fc from 'fast-check';
import { Role } from '@coachline/domain';
import { openPgliteTestStore, TestStore, useSharedPglite } from '@coachline/eventstore-postgres/testing';
import { commandRoutes } from '../commands/command-routes';
import {
  communityFamily,
  coachFamily,
  enrollmentBody,
  pathOf,
  sessionBody,
  wholeProgram,
} from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi, TestApi } from '../testing/test-api';

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
/** Text a store may choke on: NUL, unpaired surrogates, any code unit at all. */
const awkward = fc.oneof(
  fc.constantFrom('\u0000', 'p-\u0000', '\ud800', 'a\udc00b', '\u{1F600}', 'é\u0301', '\u202e'),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
);
/** Percent-encodes for a path; an unpaired surrogate, which UTF-8 cannot say, goes as the bytes WTF-8 would give it. */
const encodePath = (text: string): string =>
  text
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');

const anyText = fc.oneof(printable, awkward, fc.constantFrom('', ' ', 'p-1', 'c-1', '..', 'x'.repeat(300)));

/** Ids for the path: plain, encoded unicode, or percent-escapes that do not decode. */
const pathId = fc.oneof(
  fc.constantFrom('p-1', 'c-1', 'kent', 'a-1', 'scr-1'),
  anyText.filter((s) => s.length > 0).map(encodePath),
  fc.constantFrom('%E0%A4%A', '%ZZ', '%', '%00', '%2F', '..%2F..'),
);

const validBody = fc.constantFrom(...wholeProgram.map((step) => step.body), sessionBody('s-1', '2025-09-16', 45));

/** Bodies of every kind: any JSON, a valid body with one field made wrong, a valid body as is. */
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.tuple(validBody, fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([valid, key, value]) => {
    const keys = Object.keys(valid);
    return { ...valid, [keys.length > 0 && key.length % 2 === 0 ? keys[key.length % keys.length]! : key]: value };
  }),
  validBody,
);

const queryString = fc
  .array(
    fc.tuple(
      fc.constantFrom('asOf', 'providerId', 'communityId', 'month', 'stream', 'waitForPosition', 'day', 'other'),
      anyText,
    ),
    { maxLength: 3 },
  )
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${encodePath(v)}`).join('&')}`));

const viewPath = fc.oneof(
  fc.constantFrom(
    '/views/dosage',
    '/views/timeline',
    '/views/cycles',
    '/views/share',
    '/views/evaluation',
    '/views/history',
    '/access-log',
    '/tokens',
    '/health/ready',
    '/docs',
  ),
  pathId.map((id) => `/providers/${id}/timeline`),
  pathId.map((id) => `/providers/${id}/debriefs`),
  pathId.map((id) => `/streams/${id}`),
  awkward.map((text) => `/streams/provider-${encodePath(text)}`),
  pathId.map((id) => `/views/${id}`),
);

const commandPath = fc.oneof(
  fc
    .tuple(fc.constantFrom(...commandRoutes), pathId)
    .map(([route, id]) => `/${route.collection}/${id}/${route.action}`),
  fc.tuple(pathId, pathId, pathId).map(([a, b, c]) => `/${a}/${b}/${c}`),
);

interface FuzzRequest {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly body: unknown;
  readonly raw?: string;
  readonly headers: Record<string, string>;
}

/** A coach's session on their provider, now and then with one field made wrong: some are recorded, some refused. */
const nearlyValid = (coachToken: string): fc.Arbitrary<FuzzRequest> =>
  fc
    .tuple(
      fc.uuid(),
      fc.option(
        fc.tuple(
          fc.constantFrom('sessionId', 'summary', 'heldOn', 'durationMinutes', 'kind', 'coachId', 'practices'),
          fc.oneof(
            fc.jsonValue({ maxDepth: 1 }),
            awkward,
            awkward.map((a) => [a]),
          ),
        ),
        { nil: undefined },
      ),
      fc.option(printable, { nil: undefined }),
      fc.oneof(
        { arbitrary: fc.constant('p-1'), weight: 4 },
        { arbitrary: awkward.filter((a) => a.length > 0), weight: 1 },
      ),
    )
    .map(([sessionId, wrong, key, providerId]) => ({
      method: 'post' as const,
      path: `/providers/${encodePath(providerId)}/sessions`,
      body: { ...sessionBody(sessionId, '2025-09-16', 45), ...(wrong ? { [wrong[0]]: wrong[1] } : {}) },
      headers: {
        authorization: `Bearer ${coachToken}`,
        'content-type': 'application/json',
        ...(key !== undefined ? { 'idempotency-key': key } : {}),
      },
    }));

const anyRequest = (tokens: ReadonlyArray<string>): fc.Arbitrary<FuzzRequest> =>
  fc.record({
    method: fc.constantFrom('get' as const, 'post' as const),
    path: fc.oneof(
      commandPath,
      fc.tuple(viewPath, queryString).map(([p, q]) => p + q),
    ),
    body,
    raw: fc.option(fc.oneof(printable, fc.constantFrom('{"sessionId": ', '[1,', 'null', '"text"', '{}}')), {
      nil: undefined,
    }),
    headers: fc.record(
      {
        authorization: fc.oneof(
          fc.constantFrom(...tokens).map((t) => `Bearer ${t}`),
          printable,
        ),
        'idempotency-key': printable,
        'if-match': fc.oneof(printable, fc.nat({ max: 50 }).map(String)),
        'x-wait-for-position': fc.oneof(printable, fc.nat({ max: 80 }).map(String)),
        'x-correlation-id': printable,
        'content-type': fc.constantFrom(
          'application/json',
          'application/json',
          'application/json',
          'text/plain',
          'application/json; charset=latin1',
        ),
      },
      { requiredKeys: ['content-type'] },
    ),
  });

const request = (tokens: ReadonlyArray<string>): fc.Arbitrary<FuzzRequest> =>
  fc.oneof(
    { arbitrary: anyRequest(tokens), weight: 8 },
    { arbitrary: nearlyValid(tokens[Role.values.indexOf('admin')]!), weight: 1 },
    { arbitrary: nearlyValid(tokens[Role.values.indexOf('coach')]!), weight: 1 },
  );

describe('the API under random and malformed requests', () => {
  const pglite = useSharedPglite();
  let testStore: TestStore;
  let api: TestApi;
  let tokens: string[];
  let base: string;

  beforeAll(async () => {
    testStore = await openPgliteTestStore(pglite(), 'fuzz');
    api = await startTestApi(testStore.store, { waitForPositionMs: 50 });
    await seed(api, [...communityFamily, ...coachFamily]);
    await seed(api, [{ type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') }]);
    base = await api.app.getUrl();
    tokens = await Promise.all(
      Role.values.flatMap((role) => [
        api.token(role, role === 'coach' ? 'c-1' : role === 'provider' ? 'p-1' : `${role}-1`),
      ]),
    );
  });
  afterAll(async () => {
    await api.close();
    await testStore.dispose();
  });

  /** Events in the store, counted one by one: positions may skip numbers, the count may not. */
  const eventCount = async (): Promise<number> => {
    let count = 0;
    for await (const _event of api.store.readAll()) count++;
    return count;
  };

  const send = async ({ method, path, body, raw, headers }: FuzzRequest) => {
    // fetch keeps its connections alive: thousands of requests in a few seconds.
    const response = await fetch(`${base}${path}`, {
      method: method.toUpperCase(),
      headers,
      ...(method === 'post' ? { body: raw ?? JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return {
      method,
      path,
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      replayed: response.headers.get('idempotent-replayed') === 'true',
      text,
    };
  };

  it('never answers 500, answers every refusal in the error shape, and writes nothing for a refused request', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(request(tokens), { minLength: 40, maxLength: 40 }), async (batch) => {
        const before = await eventCount();
        // Sent together, as clients do; what the store holds afterwards must be exactly what was accepted.
        const answers = await Promise.all(batch.map(send));
        let written = 0;
        for (const { method, path, status, type, replayed, text } of answers) {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          expect({ method, path, status }).not.toEqual(expect.objectContaining({ status: 500 }));
          // A path that resolves to `/` (`/views/..`) is the web app's page, the one answer in HTML.
          if (type.startsWith('text/html') && status === 200 && method === 'get') continue;
          const answer = JSON.parse(text);
          if (status >= 400)
            expect(answer).toEqual({
              code: expect.any(String),
              message: expect.any(String),
              errors: expect.any(Array),
            });
          if (status === 201 && method === 'post' && !replayed && Array.isArray(answer.events))
            written += answer.events.length;
        }
        expect(await eventCount()).toBe(before + written);
      }),
      { numRuns: 60, seed: 20_261_127, endOnFailure: true },
    );
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => s >= 400).length).toBeGreaterThan(4);
  }, 180_000);

  it('stays up: health answers and a valid command is still recorded', async () => {
    expect((await api.http().get('/health')).status).toBe(200);
    const admin = await api.token('admin', 'admin-1');
    const response = await api
      .http()
      .post(pathOf('LogSession', 'p-1'))
      .set('Authorization', `Bearer ${admin}`)
      .send(sessionBody('s-after-fuzz', '2025-09-20', 30));
    expect(response.status).toBe(201);
  });
});
