import { type Document, inlined, newAjv, operationsOf, type Schema } from './document-validator';

/**
 * The objects of OpenAPI 3.1 (sections 4.8.1 to 4.8.30 of the specification) that the document
 * uses, with their fixed fields; `x-` extensions are allowed wherever the specification allows them.
 */
const extensible = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
  patternProperties: { '^x-': true },
  additionalProperties: false,
});

const map = (value: unknown) => ({ type: 'object', additionalProperties: value });
const text = { type: 'string' };
const schemaObject = { type: ['object', 'boolean'] };

const mediaType = extensible({ schema: schemaObject, example: true, examples: map(true), encoding: map(true) });
const header = extensible({
  description: text,
  required: { type: 'boolean' },
  deprecated: { type: 'boolean' },
  schema: schemaObject,
  content: map(mediaType),
});
const parameter = {
  ...extensible(
    {
      name: text,
      in: { enum: ['query', 'header', 'path', 'cookie'] },
      description: text,
      required: { type: 'boolean' },
      deprecated: { type: 'boolean' },
      allowEmptyValue: { type: 'boolean' },
      style: text,
      explode: { type: 'boolean' },
      schema: schemaObject,
      content: map(mediaType),
    },
    ['name', 'in'],
  ),
  oneOf: [{ required: ['schema'] }, { required: ['content'] }],
  if: { properties: { in: { const: 'path' } } },
  then: { properties: { required: { const: true } }, required: ['required'] },
};
const response = extensible({ description: text, headers: map(header), content: map(mediaType), links: map(true) }, [
  'description',
]);
const operation = extensible(
  {
    tags: { type: 'array', items: text },
    summary: text,
    description: text,
    operationId: text,
    parameters: { type: 'array', items: parameter },
    requestBody: extensible({ description: text, content: map(mediaType), required: { type: 'boolean' } }, ['content']),
    responses: {
      type: 'object',
      propertyNames: { pattern: '^([1-5](\\d\\d|XX)|default)$' },
      additionalProperties: response,
      minProperties: 1,
    },
    callbacks: map(true),
    deprecated: { type: 'boolean' },
    security: { type: 'array', items: map({ type: 'array', items: text }) },
    servers: { type: 'array' },
  },
  ['responses'],
);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const pathItem = extensible({
  summary: text,
  description: text,
  parameters: { type: 'array', items: parameter },
  ...Object.fromEntries(METHODS.map((m) => [m, operation])),
});

const OPENAPI_3_1 = extensible(
  {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+(-.+)?$' },
    info: extensible(
      {
        title: text,
        summary: text,
        description: text,
        termsOfService: text,
        contact: true,
        license: true,
        version: text,
      },
      ['title', 'version'],
    ),
    jsonSchemaDialect: text,
    servers: { type: 'array' },
    paths: { type: 'object', propertyNames: { pattern: '^/' }, additionalProperties: pathItem },
    webhooks: map(pathItem),
    components: extensible({
      schemas: map(schemaObject),
      securitySchemes: map(true),
      responses: map(response),
      parameters: map(parameter),
      headers: map(header),
    }),
    security: { type: 'array', items: map({ type: 'array', items: text }) },
    tags: { type: 'array' },
    externalDocs: true,
  },
  ['openapi', 'info'],
);

const templateNames = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

/**
 * What is wrong with the document as OpenAPI 3.1: its structure, then what a structure cannot
 * say (operation ids unique, each path template's names declared as path parameters and no
 * others, security schemes defined, every schema a valid JSON Schema of the 2020-12 dialect).
 */
export const structuralProblems = (document: Document): string[] => {
  const ajv = newAjv();
  // The structure's own `oneOf` names required fields its branches do not define, which strict mode refuses.
  const loose = newAjv(false);
  const structure = loose.compile(OPENAPI_3_1);
  const problems = structure(document) ? [] : [loose.errorsText(structure.errors, { separator: '\n' })];
  const ids = new Set<string>();
  const schemes = new Set(Object.keys(document.components.securitySchemes ?? {}));
  const schemas: Array<[string, unknown]> = Object.entries(document.components.schemas).map(([name, schema]) => [
    `components.schemas.${name}`,
    schema,
  ]);
  for (const { method, path, operation } of operationsOf(document)) {
    const where = `${method} ${path}`;
    if (ids.has(operation.operationId)) problems.push(`${where}: operationId ${operation.operationId} is used twice`);
    ids.add(operation.operationId);
    const declared = (operation.parameters ?? [])
      .filter((p) => p.in === 'path')
      .map((p) => p.name)
      .sort();
    if (JSON.stringify(declared) !== JSON.stringify(templateNames(path).sort()))
      problems.push(`${where}: path parameters ${declared.join(', ')} do not match the template`);
    for (const requirement of [...(operation.security ?? []), ...(document.security ?? [])] as Array<
      Record<string, unknown>
    >)
      for (const name of Object.keys(requirement))
        if (!schemes.has(name)) problems.push(`${where}: no security scheme ${name}`);
    for (const p of operation.parameters ?? []) schemas.push([`${where} parameter ${p.name}`, p.schema]);
    for (const [type, media] of Object.entries(operation.requestBody?.content ?? {}))
      schemas.push([`${where} body ${type}`, media.schema]);
    for (const [status, answer] of Object.entries(operation.responses)) {
      for (const [type, media] of Object.entries(answer.content ?? {}))
        schemas.push([`${where} ${status} ${type}`, media.schema]);
      for (const [name, h] of Object.entries(answer.headers ?? {}))
        schemas.push([`${where} ${status} header ${name}`, h.schema]);
    }
  }
  for (const [where, schema] of schemas) {
    try {
      ajv.compile(inlined(schema, document) as Schema);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
  }
  return problems;
};
