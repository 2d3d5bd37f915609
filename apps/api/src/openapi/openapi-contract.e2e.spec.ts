import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@coachline/domain';
import { openSigningKeyFile } from '@coachline/eventstore';
import fc from 'fast-check';
import { SignedHistory } from '../checkpoints/signed-history';
import { commandRoutes } from '../commands/command-routes';
import { servedOperations } from '../http/method-not-allowed';
import { describeApiOnEachEngine } from '../testing/engines';
import { closingFamily, pathOf, type ProgramStep, sessionBody, wholeProgram } from '../testing/program-script';
import type { TestApi } from '../testing/test-api';
import { openApiDocument } from './openapi-document';
import { type Document, type Operation, operationsOf, type Schema, schemaChecker } from './testing/document-validator';
import { arbitraryOf } from './testing/schema-arbitrary';
import { wrongValuesFor } from './testing/wrong-values';

const document = openApiDocument('0.1.0') as unknown as Document;
const checker = schemaChecker(document);
const refuses = (schema: Schema) => (value: unknown) => checker.problems(schema, value) !== undefined;

interface Sent {
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

const bodySchemaOf = (operation: Operation): Schema => operation.requestBody!.content['application/json']!.schema;
const paramsIn = (operation: Operation, where: string) => (operation.parameters ?? []).filter((p) => p.in === where);
const fill = (template: string, ids: Readonly<Record<string, string>>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name]!));
/** The required parameters of the reads that have some, naming seeded records. */
const KNOWN_QUERIES = new Map<string, Record<string, string>>([
  ['/views/history', { stream: 'provider-p-1' }],
  ['/reports/program', { communityId: 'kent', month: '2025-09' }],
]);
/** A checkpoint the API signed over the seeded records, and an event they hold. */
const signed = { size: '0', eventId: '' };
/** The ids of seeded records a read's path names: the team for a team's read, provider p-1 otherwise. */
const knownIds = (path: string): Record<string, string> => ({
  id: path.startsWith('/teams/') ? 'dit-kent' : path.startsWith('/events/') ? signed.eventId : 'p-1',
  stream: 'provider-p-1',
  size: signed.size,
});
const knownQuery = (path: string): Record<string, string> =>
  path === '/checkpoints/consistency' ? { from: signed.size, to: signed.size } : { ...KNOWN_QUERIES.get(path) };
const sample = <T>(arbitrary: fc.Arbitrary<T>, count: number, seed: number): T[] =>
  fc.sample(arbitrary, { numRuns: count, seed });

/** A request the parameters of an operation describe: every required one, some optional ones, each value from its schema. */
const requestOf = (template: string, operation: Operation) => {
  const pick = (where: string) =>
    fc.record(Object.fromEntries(paramsIn(operation, where).map((p) => [p.name, arbitraryOf(p.schema)])), {
      requiredKeys: paramsIn(operation, where)
        .filter((p) => p.required)
        .map((p) => p.name),
    }) as fc.Arbitrary<Record<string, string>>;
  return fc
    .record({ ids: pick('path'), query: pick('query'), headers: pick('header') })
    .map(({ ids, query, headers }) => ({ path: fill(template, ids), query, headers }));
};

describeApiOnEachEngine('the API as its OpenAPI document says', (open) => {
  let api: TestApi;
  let admin: string;

  let keys: string;

  beforeAll(async () => {
    keys = await mkdtemp(join(tmpdir(), 'coachline-contract-keys-'));
    const key = await openSigningKeyFile(join(keys, 'keys', 'checkpoint-signing-key'));
    api = await open({ waitForPositionMs: 20, checkpointSigning: { key, everyEvents: 1_000_000, everyMinutes: 60 } });
    admin = await api.token('admin', 'admin-1');
  });

  afterAll(async () => {
    await rm(keys, { recursive: true, force: true });
  });

  /** Signs the seeded records, so the checkpoint reads have a size and an event to find. */
  const signSeeded = async (): Promise<void> => {
    const checkpoint = await api.app.get(SignedHistory).sign();
    signed.size = String(checkpoint.size);
    for await (const event of api.store.readAll({ batchSize: 1 })) {
      signed.eventId = event.id;
      break;
    }
  };

  /** Sends a request as an admin and holds the answer to the document: a status the operation lists, and a body and headers its schemas accept. */
  const send = async (method: string, template: string, sent: Sent) => {
    const operation = document.paths[template]![method.toLowerCase()]!;
    const search = new URLSearchParams(sent.query ?? {}).toString();
    let request = (api.http() as unknown as Record<string, (path: string) => import('supertest').Test>)[
      method.toLowerCase()
    ]!(`${sent.path}${search ? `?${search}` : ''}`);
    if (operation.security === undefined) request = request.set('Authorization', `Bearer ${admin}`);
    for (const [name, value] of Object.entries(sent.headers ?? {})) request = request.set(name, value);
    const response = await (sent.body === undefined ? request : request.send(sent.body as object));
    const what = `${method} ${sent.path}${search ? `?${search}` : ''} ${JSON.stringify(sent.body ?? null).slice(0, 300)} answered ${response.status} ${response.text.slice(0, 400)}`;
    const documented = operation.responses[String(response.status)];
    if (!documented) throw new Error(`${what}: status not documented`);
    const [type, media] = Object.entries(documented.content ?? {})[0]!;
    expect([what, response.headers['content-type']?.startsWith(type)]).toEqual([what, true]);
    const body = type === 'application/json' ? response.body : response.text;
    expect([what, checker.problems(media.schema, body)]).toEqual([what, undefined]);
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      const value = response.headers[name.toLowerCase()];
      if (value !== undefined)
        expect([what, name, checker.problems(header.schema, value)]).toEqual([what, name, undefined]);
    }
    return {
      status: response.status,
      body: response.body as { code?: string; errors?: Array<{ path: string }> },
      headers: response.headers,
      what,
    };
  };

  const errorPaths = (answer: { body: { errors?: Array<{ path: string }> } }) =>
    (answer.body.errors ?? []).map((e) => e.path);

  it('serves exactly the operations the document lists, each command among them', () => {
    const served = servedOperations(api.app)
      .map(({ method, path }) => `${method} ${path}`)
      .sort();
    const documented = operationsOf(document)
      .map(({ method, path }) => `${method} ${path}`)
      .sort();
    expect(served).toEqual(documented);
    const notCommands = new Set([
      'POST /tokens',
      'POST /accounts',
      'POST /accounts/{id}/disable',
      'POST /sessions',
      'POST /sessions/link',
      'POST /setup',
    ]);
    expect(served.filter((op) => op.startsWith('POST ') && !notCommands.has(op))).toHaveLength(commandRoutes.length);
    expect(served).toEqual(expect.arrayContaining(['POST /providers/{id}/debriefs', 'GET /providers/{id}/debriefs']));
  });

  it('records a whole program, every body of which the document accepts', async () => {
    // Names of practices are labels, not ids: views must carry them as such.
    const labelled: ProgramStep = {
      type: 'SetActionPlan',
      id: 'p-1',
      body: {
        actionPlanId: 'ap-2',
        goals: [{ goalId: 'g-2', practice: 'Visual schedules at arrival', description: 'Point to the next card.' }],
        steps: ['Print the cards.'],
        setOn: '2025-10-01',
      },
    };
    const session: ProgramStep = {
      type: 'LogSession',
      id: 'p-1',
      body: {
        ...sessionBody('s-9', '2025-10-20', 30),
        practices: ['Visual schedules at arrival'],
        strategies: ['Modeling, then praise'],
      },
    };
    const steps: ProgramStep[] = [...wholeProgram, labelled, session, ...closingFamily];
    expect(new Set(steps.map((step) => step.type)).size).toBe(commandRoutes.length);
    let n = 0;
    for (const { type, id, body } of steps) {
      const route = commandRoutes.find((r) => r.type === type)!;
      const operation = document.paths[route.path]!['post']!;
      expect([type, checker.problems(bodySchemaOf(operation), body)]).toEqual([type, undefined]);
      const answer = await send('POST', route.path, {
        path: pathOf(type, id),
        body,
        headers: { 'Idempotency-Key': `contract-${n++}`, 'X-Correlation-Id': `contract.${type}` },
      });
      expect([type, answer.status]).toEqual([type, 201]);
    }
  });

  it('answers commands generated from their schemas as documented, never refusing one as invalid', async () => {
    for (const [index, route] of commandRoutes.entries()) {
      const operation = document.paths[route.path]!['post']!;
      const requests = fc.tuple(requestOf(route.path, operation), arbitraryOf(bodySchemaOf(operation)), fc.boolean());
      for (const [request, data, withId] of sample(requests, 5, index)) {
        // The document says the body's id, if sent, is the path's.
        const field = route.definition.streamIdField;
        const body = {
          ...(data as object),
          [field]: withId ? decodeURIComponent(request.path.split('/')[2]!) : undefined,
        };
        const answer = await send('POST', route.path, { ...request, body });
        // A conflict, a rule of the program or a missing record may refuse it; its shape may not.
        expect([answer.what, answer.status === 400 ? errorPaths(answer) : []]).toEqual([answer.what, []]);
      }
    }
  });

  it('refuses a command with exactly one field wrong, as the document does, naming that field', async () => {
    const steps: ProgramStep[] = [...wholeProgram, ...closingFamily];
    for (const [index, route] of commandRoutes.entries()) {
      const { id, body } = steps.find((step) => step.type === route.type)!;
      const schema = bodySchemaOf(document.paths[route.path]!['post']!) as {
        properties: Record<string, Schema>;
        required: string[];
      };
      const wrongs: Array<[string, Record<string, unknown>]> = [[`body.unexpected`, { ...body, unexpected: 1 }]];
      for (const field of schema.required)
        wrongs.push([`body.${field}`, Object.fromEntries(Object.entries(body).filter(([key]) => key !== field))]);
      for (const [field, fieldSchema] of Object.entries(schema.properties)) {
        const values = wrongValuesFor(fieldSchema, refuses(fieldSchema));
        if (values.length > 0)
          wrongs.push([
            `body.${field}`,
            { ...body, [field]: fc.sample(fc.constantFrom(...values), { numRuns: 1, seed: index })[0] },
          ]);
      }
      for (const [field, wrong] of sample(fc.constantFrom(...wrongs), 3, index)) {
        expect([route.type, field, checker.problems(schema, wrong) !== undefined]).toEqual([route.type, field, true]);
        const answer = await send('POST', route.path, { path: pathOf(route.type, id), body: wrong });
        expect([
          answer.what,
          answer.status,
          errorPaths(answer).some(
            (path) =>
              path === field || path.startsWith(`${field}.`) || (field === 'body.unexpected' && path === 'body'),
          ),
        ]).toEqual([answer.what, 400, true]);
      }
    }
  });

  it('refuses an id outside the grammar in a path or a body, and a body id other than the path’s', async () => {
    const session = commandRoutes.find((r) => r.type === 'EnrollProvider')!;
    const body = wholeProgram.find((step) => step.type === 'EnrollProvider')!.body;
    const lineBreak = await send('POST', session.path, {
      path: `/providers/${encodeURIComponent('nl\nprov')}/enrollment`,
      body,
    });
    expect([lineBreak.status, errorPaths(lineBreak)]).toEqual([400, ['params.id']]);
    const otherId = await send('POST', session.path, {
      path: '/providers/p-9/enrollment',
      body: { ...body, providerId: 'p-8' },
    });
    expect([otherId.status, errorPaths(otherId)]).toEqual([400, ['body.providerId']]);
    const sameId = await send('POST', session.path, {
      path: '/providers/p-9/enrollment',
      body: { ...body, providerId: 'p-9' },
    });
    expect(sameId.status).toBe(201);
    const token = await send('POST', '/tokens', { path: '/tokens', body: { id: 'a\nb', role: 'coach' } });
    expect([token.status, errorPaths(token)]).toEqual([400, ['body.id']]);
    const view = await send('GET', '/streams/{stream}', { path: `/streams/${encodeURIComponent('provider-a\nb')}` });
    expect([view.status, errorPaths(view)]).toEqual([400, ['params.stream']]);
  });

  it('answers every read generated from its parameters as documented', async () => {
    await signSeeded();
    const reads = operationsOf(document).filter(
      ({ method, operation }) => method === 'GET' && operation.security === undefined,
    );
    for (const [index, { path, operation }] of reads.entries()) {
      for (const request of sample(requestOf(path, operation), 6, index)) {
        const answer = await send('GET', path, request);
        // The access log's span rules, a position the store has not reached, a view through a position
        // and as of a moment at once, and a consistency proof's order (from not after to) are said in
        // words, not in schemas.
        const stated =
          path === '/access-log' ||
          path === '/checkpoints/consistency' ||
          answer.body.code === 'unknown-position' ||
          errorPaths(answer).join() === 'query.throughPosition';
        if (!stated) expect([answer.what, answer.status === 400 ? errorPaths(answer) : []]).toEqual([answer.what, []]);
      }
      // The seeded records, so some reads find something.
      const known = fill(path, knownIds(path));
      expect((await send('GET', path, { path: known, query: knownQuery(path) })).status).toBe(200);
    }
  });

  it('answers every read for every role as documented, a refusal or a view scoped to the reader', async () => {
    await signSeeded();
    const reads = operationsOf(document).filter(
      ({ method, operation }) => method === 'GET' && operation.security === undefined,
    );
    for (const role of Role.values) {
      const token = await api.token(role, role === 'provider' ? 'p-1' : role === 'coach' ? 'c-1' : `${role}-1`);
      for (const { path } of reads) {
        const query: Record<string, string> = knownQuery(path);
        const answer = await send('GET', path, {
          path: fill(path, knownIds(path)),
          query,
          headers: { Authorization: `Bearer ${token}` },
        });
        expect([answer.what, [200, 403].includes(answer.status)]).toEqual([answer.what, true]);
      }
    }
  });

  it('refuses a read with exactly one parameter wrong, naming it', async () => {
    await signSeeded();
    const reads = operationsOf(document).filter(
      ({ method, operation }) => method === 'GET' && operation.security === undefined,
    );
    for (const [index, { path, operation }] of reads.entries()) {
      const query: Record<string, string> = knownQuery(path);
      const valid = { path: fill(path, knownIds(path)), query };
      const wrongs: Array<[string, Sent]> = [
        ['query.unexpected', { ...valid, query: { ...valid.query, unexpected: '1' } }],
      ];
      for (const p of operation.parameters ?? []) {
        const values = wrongValuesFor(p.schema, refuses(p.schema)).filter(
          (v): v is string => typeof v === 'string' && v !== '' && (p.in !== 'header' || !/[\n\r]/.test(v)),
        );
        for (const value of sample(fc.constantFrom(...values), 2, index)) {
          if (p.in === 'path')
            wrongs.push([
              `params.${p.name}`,
              { ...valid, path: fill(path, { id: value, stream: value, size: value }) },
            ]);
          if (p.in === 'query')
            wrongs.push([`query.${p.name}`, { ...valid, query: { ...valid.query, [p.name]: value } }]);
          if (p.in === 'header')
            wrongs.push([`headers.${p.name.toLowerCase()}`, { ...valid, headers: { [p.name]: value } }]);
        }
        if (p.in === 'query' && p.required) wrongs.push([`query.${p.name}`, { ...valid, query: {} }]);
      }
      for (const [field, sent] of wrongs) {
        const answer = await send('GET', path, sent);
        expect([answer.what, answer.status, errorPaths(answer)]).toEqual([
          answer.what,
          400,
          expect.arrayContaining([field]),
        ]);
      }
    }
  });

  it('mints tokens generated from the request schema, and answers the public routes as documented', async () => {
    const schema = document.paths['/tokens']!['post']!.requestBody!.content['application/json']!.schema;
    for (const body of sample(arbitraryOf(schema), 10, 7))
      expect((await send('POST', '/tokens', { path: '/tokens', body })).status).toBe(201);
    const minted = await send('POST', '/tokens', { path: '/tokens', body: { id: 'c-9', role: 'coach' } });
    const revoked = await send('DELETE', '/tokens/{id}', { path: `/tokens/${(minted.body as { id?: string }).id}` });
    expect([revoked.status, (revoked.body as { state?: string }).state]).toEqual([200, 'revoked']);
    expect((await send('DELETE', '/tokens/{id}', { path: '/tokens/no-such-token' })).status).toBe(404);
    expect((await send('DELETE', '/tokens/{id}', { path: `/tokens/${encodeURIComponent('a\nb')}` })).status).toBe(400);
    for (const path of ['/health', '/health/ready', '/docs', '/docs/html'])
      expect((await send('GET', path, { path })).status).toBeLessThan(600);
  });

  it('answers a body too large, not JSON, or headers too large as documented', async () => {
    const path = '/providers/p-1/sessions';
    expect(
      (await send('POST', '/providers/{id}/sessions', { path, body: 'x', headers: { 'Content-Type': 'text/plain' } }))
        .status,
    ).toBe(415);
    expect(
      (await send('POST', '/providers/{id}/sessions', { path, body: { summary: 'x'.repeat(1_100_000) } })).status,
    ).toBe(413);
    expect(
      (await send('GET', '/views/dosage', { path: '/views/dosage', headers: { 'X-Padding': 'x'.repeat(20_000) } }))
        .status,
    ).toBe(431);
  });

  it('answers 405 with Allow when a served path is asked with a method it does not take, 404 when no such path is served', async () => {
    const error = checker.compile(document.components.schemas['Error'] as Schema);
    const cases: Array<[string, string, string]> = [
      ['get', '/providers/p-1/sessions', 'POST'],
      ['delete', '/providers/p-1/debriefs', 'GET, HEAD, POST'],
      ['post', '/views/dosage', 'GET, HEAD'],
      ['put', '/tokens', 'GET, HEAD, POST'],
      ['get', '/tokens/t-1', 'DELETE'],
      ['patch', '/health', 'GET, HEAD'],
      ['post', '/PROVIDERS/p-1/timeline', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await (api.http() as unknown as Record<string, (path: string) => import('supertest').Test>)[
        method
      ]!(path).set('Authorization', `Bearer ${admin}`);
      expect([
        method,
        path,
        response.status,
        response.headers['allow'],
        response.body.code,
        error(response.body),
      ]).toEqual([method, path, 405, allow, 'method-not-allowed', true]);
    }
    for (const [method, path] of [
      ['get', '/providers/p-1/nothing'],
      ['post', '/nothing/p-1/sessions'],
      ['get', '/views/nothing'],
    ] as const) {
      const response = await api
        .http()
        [method](path)
        .set('Authorization', `Bearer ${admin}`)
        .send(method === 'post' ? {} : undefined);
      expect([method, path, response.status, response.headers['allow']]).toEqual([method, path, 404, undefined]);
    }
  });
});
