import { commandCatalogue, isId } from '@coachline/domain';
import fc from 'fast-check';
import { IfMatch } from '../commands/command-headers';
import { commandRoutes } from '../commands/command-routes';
import { PositionParam } from '../queries/view-params';
import { openApiDocument, pathItems } from './openapi-document';
import { type Document, operationsOf, type Parameter, schemaChecker } from './testing/document-validator';
import { structuralProblems } from './testing/openapi-structure';

const MEDIA_TYPES = new Set(['application/json', 'text/csv', 'text/html', 'text/plain']);

describe('the OpenAPI document', () => {
  const document = openApiDocument('0.1.0') as unknown as Document;
  const operation = (method: string, path: string) => document.paths[path]![method]!;
  const parameter = (method: string, path: string, name: string) =>
    operation(method, path).parameters!.find((p) => p.name === name)!;
  const checker = schemaChecker(document);

  it('is OpenAPI 3.1: its structure, unique operation ids, declared path parameters, schemas of the 2020-12 dialect', () => {
    expect(structuralProblems(document)).toEqual([]);
  });

  it('finds what is wrong with a broken document', () => {
    const broken = JSON.parse(JSON.stringify(document)) as {
      paths: Record<string, Record<string, { parameters: unknown[]; responses: object }>>;
    };
    broken.paths['/views/dosage']!['get']!.responses = {};
    broken.paths['/providers/{id}/plans']!['get']!.parameters = [];
    broken.paths['/views/share']!['get']!.parameters.push({ name: 'bad', in: 'query', schema: { type: 'strnig' } });
    const problems = structuralProblems(broken as unknown as Document);
    expect(problems.join('\n')).toMatch(/minProperties|fewer than 1/);
    expect(problems).toContain('GET /providers/{id}/plans: path parameters  do not match the template');
    expect(problems.some((p) => p.startsWith('GET /views/share parameter bad'))).toBe(true);
  });

  it('lists every command, a view on the same path beside it rather than over it', () => {
    const commands = operationsOf(document)
      .filter(({ method }) => method === 'POST')
      .map(({ operation: op }) => op.operationId);
    const notCommands = new Set([
      'mint-token',
      'create-account',
      'disable-account',
      'sign-in',
      'sign-in-with-link',
      'create-first-admin',
    ]);
    expect(commands.filter((id) => !notCommands.has(id)).sort()).toEqual(commandCatalogue.map((c) => c.type).sort());
    expect(commandRoutes).toHaveLength(commandCatalogue.length);
    expect(Object.keys(document.paths['/providers/{id}/debriefs']!).sort()).toEqual(['get', 'post']);
    expect(operation('post', '/providers/{id}/debriefs').operationId).toBe('HoldDebrief');
    expect(() =>
      pathItems([
        ['/x', 'get', {}],
        ['/x', 'get', {}],
      ]),
    ).toThrow('Two operations claim GET /x.');
  });

  it('says each command’s body: the command’s data, the path’s id optional and, if sent, equal to it', () => {
    const logSession = operation('post', '/providers/{id}/sessions');
    const body = logSession.requestBody!.content['application/json']!.schema as { required: string[] };
    expect(body.required).not.toContain('providerId');
    expect(body.required).toContain('heldOn');
    expect((logSession as unknown as { description: string }).description).toMatch(
      /coach \(caseload\).*providerId.*must be the path's id/,
    );
  });

  it('gives ids in paths, headers and queries the id grammar, and headers the grammar the API checks them by', () => {
    for (const { operation: op } of operationsOf(document))
      for (const p of op.parameters ?? [])
        // Every path parameter is an id, but a checkpoint's size, which is digits.
        if (p.in === 'path')
          expect(p.schema).toMatchObject({ pattern: p.name === 'size' ? '^\\d{1,15}$' : '^[A-Za-z0-9._:-]{1,128}$' });
    const ids = fc.oneof(
      fc.constantFrom('a\nb', 'p-1', '__proto__', 'constructor', 'x'.repeat(129), 'é', ''),
      fc.string(),
    );
    const idSchema = parameter('post', '/providers/{id}/sessions', 'Idempotency-Key').schema;
    fc.assert(fc.property(ids, (id) => (checker.problems(idSchema, id) === undefined) === isId(id)));
    const revisions = fc.oneof(
      fc.constantFrom('"3"', 'W/"3"', '3', '"3', '*', '"1234567890123456"', ' 3'),
      fc.string(),
    );
    const ifMatch = parameter('post', '/providers/{id}/sessions', 'If-Match').schema;
    fc.assert(
      fc.property(revisions, (value) => (checker.problems(ifMatch, value) === undefined) === IfMatch.is(value)),
    );
    const wait = parameter('get', '/views/dosage', 'X-Wait-For-Position').schema;
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom('7', '-1', '1e3', '1234567890123456'), fc.string()),
        (value) => (checker.problems(wait, value) === undefined) === PositionParam.is(value),
      ),
    );
    expect(parameter('post', '/providers/{id}/sessions', 'X-Correlation-Id').schema).toMatchObject({
      pattern: '^(?=.{1,64}$)[A-Za-z0-9._:-]{1,128}$',
    });
  });

  it('says which query parameters are required or exclusive', () => {
    expect(parameter('get', '/views/history', 'stream')).toMatchObject({ in: 'query', required: true });
    expect(parameter('get', '/views/dosage', 'month')).toMatchObject({ in: 'query', required: false });
    expect((parameter('get', '/access-log', 'day') as Parameter & { description: string }).description).toMatch(
      /Not with from or to/,
    );
    expect(operation('get', '/access-log').parameters!.map((p) => p.name)).not.toContain('X-Wait-For-Position');
  });

  it('bounds every integer, and documents 400, 413, 415 and 431 on every operation', () => {
    const integers: Array<Record<string, unknown>> = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (typeof node === 'object' && node !== null) {
        if ((node as { type?: unknown }).type === 'integer') integers.push(node as Record<string, unknown>);
        Object.values(node).forEach(walk);
      }
    };
    walk(document);
    expect(integers.length).toBeGreaterThan(10);
    expect(
      integers.filter((schema) => typeof schema['maximum'] !== 'number' && !Array.isArray(schema['enum'])),
    ).toEqual([]);
    for (const { method, path, operation: op } of operationsOf(document))
      expect([method, path, ...['400', '413', '415', '431'].filter((s) => !op.responses[s])]).toEqual([method, path]);
  });

  it('gives every answer of every operation a schema for each of its types, and is plain JSON', () => {
    for (const { method, path, operation: op } of operationsOf(document))
      for (const [status, answer] of Object.entries(op.responses)) {
        const types = Object.entries(answer.content ?? {});
        // A 204 has no body, by HTTP's rule.
        const described =
          status === '204'
            ? types.length === 0
            : types.length > 0 && types.every(([type, media]) => MEDIA_TYPES.has(type) && !!media.schema);
        expect([method, path, status, described]).toEqual([method, path, status, true]);
      }
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('lists CSV beside JSON for the views, and 406 for every other read', () => {
    const reads = operationsOf(document).filter(({ method }) => method === 'GET');
    const csv = reads.filter(({ operation: op }) => 'text/csv' in (op.responses['200']?.content ?? {}));
    expect(csv.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['/views/timeline', '/providers/{id}/plans', '/streams/{stream}', '/access-log']),
    );
    for (const { path, operation: op } of csv) {
      expect([path, Object.keys(op.responses['200']!.content!)[0]]).toEqual([path, 'application/json']);
      expect([path, op.responses['406']]).toEqual([path, undefined]);
    }
    for (const { path, operation: op } of reads.filter((read) => !csv.includes(read)))
      expect([path, op.responses['406'] !== undefined]).toEqual([path, true]);
  });
});
