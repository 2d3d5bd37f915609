import fc from 'fast-check';
import { openPgliteTestStore, TestStore, useSharedPglite } from '@coachline/eventstore-postgres/testing';
import {
  coachFamily,
  communityFamily,
  enrollmentBody,
  pathOf,
  ProgramStep,
  sessionBody,
  wholeProgram,
} from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi, TestApi } from '../testing/test-api';
import { ERROR_TEXT_LIMITS } from './error-text';

/** Strings that have broken other programs: SQL, placeholders, shell, markup, format strings, terminal escapes. */
const INJECTIONS = [
  "'; DROP TABLE events; --",
  "Robert'); DELETE FROM events WHERE ('1'='1",
  '$1',
  '$$ ; select pg_sleep(10); $$',
  '$(touch /tmp/pwned)',
  '`rm -rf /`',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '%s%s%s%n',
  '{{7*7}}${7*7}',
  'line\u2028separator',
  '\u001b[31mred\u001b[0m',
  '\u001b]0;title\u0007',
  '\u202eevil',
  '\u009bc1',
  '..%2F..%2Fetc%2Fpasswd',
];
const MARKER = 'Q';
const hostileText = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 12,
  }),
  fc
    .tuple(fc.constantFrom(...INJECTIONS), fc.integer({ min: 200, max: 200_000 }))
    .map(([text, n]) => `${text}${MARKER.repeat(n)}`),
);

/** What no error text may carry raw: C0/C1 controls, DEL, line separators, bidi overrides, lone surrogates. */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const longestMarkerRun = (text: string): number => Math.max(0, ...(text.match(/Q+/g) ?? []).map((run) => run.length));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const stringLeaves = (value: Json, path: string[] = []): string[][] => {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, String(i)]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
};
const withLeaf = (
  value: Record<string, unknown>,
  path: ReadonlyArray<string>,
  replacement: unknown,
): Record<string, unknown> => {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = replacement;
  return copy;
};

/** Every string of an error answer: one safe line each, bounded, quoting at most a short excerpt. */
const expectSafeRefusal = (status: number, body: unknown) => {
  expect(body).toEqual({ code: expect.any(String), message: expect.any(String), errors: expect.any(Array) });
  const { code, message, errors } = body as {
    code: string;
    message: string;
    errors: Array<{ path: string; message: string }>;
  };
  expect(errors.length).toBeLessThanOrEqual(ERROR_TEXT_LIMITS.errors + 1);
  for (const text of [code, message, ...errors.flatMap((e) => [e.path, e.message])]) {
    expect({ status, text }).toEqual({ status, text: expect.not.stringMatching(UNSAFE) });
    expect(longestMarkerRun(text)).toBeLessThanOrEqual(ERROR_TEXT_LIMITS.excerpt);
    expect(text.length).toBeLessThanOrEqual(ERROR_TEXT_LIMITS.message);
  }
};

describe('the API under hostile text, oversized bodies and wrong encodings', () => {
  jest.setTimeout(180_000);
  const pglite = useSharedPglite();
  let testStore: TestStore;
  let api: TestApi;
  let admin: string;
  let base: string;

  beforeAll(async () => {
    testStore = await openPgliteTestStore(pglite(), 'bad_input');
    api = await startTestApi(testStore.store, { waitForPositionMs: 50 });
    await seed(api, [
      ...communityFamily,
      ...coachFamily,
      { type: 'EnrollProvider', id: 'p-1', body: enrollmentBody('c-1') },
    ]);
    admin = await api.token('admin', 'admin-1');
    base = await api.app.getUrl();
  });
  afterAll(async () => {
    await api.close();
    await testStore.dispose();
  });

  const head = () => api.store.headPosition();
  const post = async (
    path: string,
    body: string | Buffer,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as unknown };
  };

  it('puts injection strings in every text field of every command: kept as data or refused safely, never a 500', async () => {
    const steps: ReadonlyArray<ProgramStep> = [
      ...wholeProgram,
      { type: 'LogSession', id: 'p-1', body: sessionBody('s-x', '2025-09-16', 45) },
    ];
    const cases = fc
      .constantFrom(...steps)
      .chain((step) =>
        fc.tuple(fc.constant(step), fc.constantFrom(...stringLeaves(step.body as Json)), hostileText, fc.uuid()),
      );
    await fc.assert(
      fc.asyncProperty(cases, async ([step, path, text, fresh]) => {
        // A fresh session each time, so a session may be recorded rather than refused as a repeat.
        const body =
          step.type === 'LogSession'
            ? { ...withLeaf(step.body, path, text), ...(path[0] === 'sessionId' ? {} : { sessionId: fresh }) }
            : withLeaf(step.body, path, text);
        const before = await head();
        const answer = await post(pathOf(step.type, step.id), JSON.stringify(body));
        expect({ path, status: answer.status }).not.toEqual({ path, status: 500 });
        if (answer.status >= 400) {
          expectSafeRefusal(answer.status, answer.body);
          expect(await head()).toBe(before);
        } else {
          // Recorded: the text is in the store exactly as sent.
          const events = [];
          for await (const event of api.store.readAll({ after: before })) events.push(event);
          expect(JSON.stringify(events.map((e) => e.data))).toContain(JSON.stringify(text));
        }
      }),
      { numRuns: 150, seed: 7_2029 },
    );
  });

  it('registers a community under a hostile id and name, or refuses it safely', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (id, name) => {
        const before = await head();
        // A lone surrogate has no UTF-8 form: it goes as the bytes WTF-8 would give it.
        const encoded = id
          .split(/([\ud800-\udfff])/)
          .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
          .join('');
        const answer = await post(`/communities/${encoded}/registration`, JSON.stringify({ name, kind: 'county' }));
        expect(answer.status).not.toBe(500);
        if (answer.status >= 400) {
          expectSafeRefusal(answer.status, answer.body);
          expect(await head()).toBe(before);
        } else {
          const registered = [];
          for await (const event of api.store.readAll({ after: before })) registered.push(event);
          expect(registered.map((e) => e.data)).toEqual([{ communityId: id, name, kind: 'county' }]);
        }
      }),
      { numRuns: 60, seed: 7_2030 },
    );
  });

  it('answers a path over the header limit with 431 in the error shape', async () => {
    const answer = await post(
      `/communities/${MARKER.repeat(40_000)}/registration`,
      JSON.stringify({ name: 'Kent', kind: 'county' }),
    );
    expect(answer.status).toBe(431);
    expectSafeRefusal(answer.status, answer.body);
  });

  it('refuses a body over the limit with 413 in the error shape, writing nothing', async () => {
    const before = await head();
    const answer = await post(
      pathOf('LogSession', 'p-1'),
      JSON.stringify({ ...sessionBody('s-big', '2025-09-16', 45), summary: MARKER.repeat(2_000_000) }),
    );
    expect(answer.status).toBe(413);
    expectSafeRefusal(answer.status, answer.body);
    expect(await head()).toBe(before);
  });

  it('refuses a body with thousands of wrong fields in one bounded answer', async () => {
    const wrong = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`${MARKER.repeat(100)}-${i}`, 1]));
    const answer = await post(
      pathOf('LogSession', 'p-1'),
      JSON.stringify({ ...sessionBody('s-wide', '2025-09-16', 45), ...wrong }),
    );
    expect(answer.status).toBe(400);
    expectSafeRefusal(answer.status, answer.body);
    expect(answer.text.length).toBeLessThan(20_000);
  });

  const valid = JSON.stringify(sessionBody('s-enc', '2025-09-16', 45));
  const encodings: ReadonlyArray<[string, string | Buffer, Record<string, string>, number]> = [
    ['no content type', valid, {}, 415],
    ['text/plain', valid, { 'content-type': 'text/plain' }, 415],
    ['form encoded', 'sessionId=s-enc', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['XML', '<session/>', { 'content-type': 'application/xml' }, 415],
    [
      'UTF-16 with a byte order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]),
      { 'content-type': 'application/json' },
      400,
    ],
    ['charset utf-16', Buffer.from(valid, 'utf16le'), { 'content-type': 'application/json; charset=utf-16' }, 415],
    ['charset latin1', valid, { 'content-type': 'application/json; charset=latin1' }, 415],
    // In free text, where a U+FFFD put in its place would be recorded without a word.
    [
      'invalid UTF-8 in a text',
      Buffer.concat([
        Buffer.from(`${valid.slice(0, -1)},"summary":"Good `),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(' visit"}'),
      ]),
      { 'content-type': 'application/json' },
      400,
    ],
    ['a raw NUL byte', valid.replace('"s-enc"', '"s-\u0000enc"'), { 'content-type': 'application/json' }, 400],
    ['a NUL escape', valid.replace('"s-enc"', '"s-\\u0000enc"'), { 'content-type': 'application/json' }, 400],
    [
      'a lone surrogate escape',
      valid.replace('"s-enc"', '"s-\\ud800enc"'),
      { 'content-type': 'application/json' },
      400,
    ],
    ['truncated JSON', valid.slice(0, 40), { 'content-type': 'application/json' }, 400],
    ['an ANSI escape outside strings', `\u001b[2J${valid}`, { 'content-type': 'application/json' }, 400],
  ];

  it.each(encodings)(
    'refuses a body with %s in the error shape, writing nothing',
    async (_name, body, headers, status) => {
      const before = await head();
      const answer = await post(pathOf('LogSession', 'p-1'), body, headers);
      expect(answer.status).toBe(status);
      expectSafeRefusal(answer.status, answer.body);
      expect(await head()).toBe(before);
    },
  );
});
