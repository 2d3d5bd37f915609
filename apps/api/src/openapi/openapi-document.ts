import { Role } from '@coachline/domain';
import { findProjection } from '@coachline/projections';
import * as t from 'io-ts';
import { TokenRequest } from '../auth/token-request';
import { MintedToken } from '../auth/token-signer';
import { commandRoutes } from '../commands/command-routes';
import { CommandAccepted } from '../commands/issue-command';
import { ErrorBody } from '../http/api-error';
import { commandGrants, Grants, viewGrants, ViewName } from '../policy/grants';
import { DebriefsView, PlansView } from '../queries/provider-record';
import { ParamProfile, viewParamsCodec } from '../queries/view-params';
import { JsonSchema, jsonSchemaOf } from './json-schema';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

const refusals = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: REFUSALS[status], ...json(ref('Error')) }]));

const REFUSALS: Readonly<Record<number, string>> = {
  400: 'Invalid: every wrong field, header and parameter, by path. Nothing is written.',
  401: 'No token, or a token that is not valid.',
  403: 'The role may not do this, or the record is beyond the actor’s reach.',
  404: 'No such route, view, stream or provider.',
  409: 'The stream moved on from the If-Match revision, or the record already exists.',
  413: 'The body is larger than the API takes (payload-too-large).',
  415: 'The body is not JSON in UTF-8 (unsupported-media-type, charset-unsupported).',
  422: 'A rule of the program refused it; the path names the field that broke it.',
  431: 'The request line or headers are too large (headers-too-large).',
  503: 'The view has not reached the position asked for in time (view-behind), the access log is unavailable, or the store cannot be reached (store-unavailable; retry after the Retry-After seconds).',
};

const rolesOf = (grants: Grants) => Object.entries(grants).map(([role, scope]) => `${role} (${scope})`).join(', ');

const header = (name: string, description: string, schema: JsonSchema = { type: 'string' }) => ({ name, in: 'header', required: false, description, schema });
const idParam = (description: string) => ({ name: 'id', in: 'path', required: true, description, schema: jsonSchemaOf(t.string) });

/** The query parameters of a view, from the same codec that decodes them. */
const queryParams = (profile: ParamProfile) => {
  const codec = viewParamsCodec(profile);
  return Object.entries(codec.optional).map(([name, param]) => ({ name, in: 'query', required: false, schema: jsonSchemaOf(param as t.Mixed) }));
};

/** The body a command route takes: the command's data, its stream id optional since the path carries it. */
const bodySchema = (data: t.Mixed, streamIdField: string): JsonSchema => {
  const schema = jsonSchemaOf(data) as { required?: string[] };
  return { ...schema, required: (schema.required ?? []).filter((field) => field !== streamIdField) };
};

const commandPaths = () =>
  Object.fromEntries(
    commandRoutes.map((route) => [
      route.path,
      {
        post: {
          operationId: route.type,
          summary: route.definition.description,
          description: `Sends ${route.type}; records ${route.definition.produces.join(', ')}. Who may: ${rolesOf(commandGrants[route.type])}.`,
          tags: [route.collection],
          parameters: [
            idParam(`The ${route.definition.streamIdField}.`),
            header('Idempotency-Key', 'The command id: a retry with the same key gets the first answer and writes nothing.'),
            header('If-Match', 'The stream revision last seen: the command is refused with 409 if the stream moved on.'),
            header('X-Correlation-Id', 'Ties the command to its log lines and events.'),
          ],
          requestBody: { required: true, ...json(bodySchema(route.definition.data, route.definition.streamIdField)) },
          responses: { '201': { description: 'Recorded.', ...json(ref('CommandAccepted')) }, ...refusals(400, 401, 403, 404, 409, 413, 415, 422, 431, 503) },
        },
      },
    ]),
  );

const viewOperation = (view: ViewName, summary: string, schema: unknown, profile: ParamProfile, extra: object[] = []) => ({
  get: {
    operationId: `read-${view}${profile === 'provider-record' ? '-of-provider' : ''}`,
    summary,
    description: `Who may: ${rolesOf(viewGrants[view])}. Send \`waitForPosition\` (or \`X-Wait-For-Position\`) with a command's position to read your own write.`,
    tags: ['views'],
    parameters: [...extra, ...queryParams(profile), header('X-Wait-For-Position', 'Same as waitForPosition.')],
    responses: { '200': { description: 'The view.', ...json(schema) }, ...refusals(400, 401, 403, 404, 431, 503) },
  },
});

const projectionSchema = (name: string) => jsonSchemaOf(findProjection(name)!.viewCodec as unknown as t.Mixed);

const viewPaths = () => ({
  '/views/dosage': viewOperation('dosage', 'Minutes of coaching per provider per month against the guide’s target.', projectionSchema('dosage'), 'dosage'),
  '/views/timeline': viewOperation('timeline', 'Each requirement of the program guide with its window and status.', projectionSchema('timeline'), 'timeline'),
  '/views/cycles': viewOperation('cycles', 'Coaching agreements: signatures and cycles against the cadence.', projectionSchema('cycles'), 'cycles'),
  '/views/share': viewOperation('share', 'The confidential share for program leadership (rule 10).', projectionSchema('share'), 'share'),
  '/views/evaluation': viewOperation('evaluation', 'Consents, observations, BOQ and ASQ-SE2 per community; every read is recorded.', projectionSchema('evaluation'), 'evaluation'),
  '/views/history': viewOperation('history', 'Every event of one stream with its metadata; every read is recorded.', projectionSchema('history'), 'history'),
  '/providers/{id}/timeline': viewOperation('timeline', 'One provider’s timeline.', projectionSchema('timeline'), 'provider-record', [idParam('The providerId.')]),
  '/providers/{id}/debriefs': viewOperation('debriefs', 'A provider’s debriefs: strengths and next steps, never scores.', jsonSchemaOf(DebriefsView), 'provider-record', [idParam('The providerId.')]),
  '/providers/{id}/plans': viewOperation('plans', 'A provider’s action plans and which goals are achieved.', jsonSchemaOf(PlansView), 'provider-record', [idParam('The providerId.')]),
  '/streams/{stream}': viewOperation('history', 'Every event of a stream with its metadata; every read is recorded.', projectionSchema('history'), 'provider-record', [
    { name: 'stream', in: 'path', required: true, schema: { type: 'string' } },
  ]),
  '/access-log': viewOperation('access-log', 'Who read the history and evaluation views on a day (default today, UTC).', { type: 'object' }, 'access-log'),
});

const otherPaths = () => ({
  '/tokens': {
    post: {
      operationId: 'mint-token',
      summary: `Mint a bearer token for a person of the program (admins only). Roles: ${Role.values.join(', ')}.`,
      tags: ['tokens'],
      requestBody: { required: true, ...json(jsonSchemaOf(TokenRequest)) },
      responses: { '201': { description: 'The token.', ...json(jsonSchemaOf(MintedToken)) }, ...refusals(400, 401, 403) },
    },
  },
  '/health': { get: { operationId: 'liveness', summary: 'The process answers.', tags: ['health'], security: [], responses: { '200': { description: 'Alive.' } } } },
  '/health/ready': {
    get: {
      operationId: 'readiness',
      summary: 'The store answers, the views have caught up and none is parked; with each view’s position and lag.',
      tags: ['health'],
      security: [],
      responses: { '200': { description: 'Ready.' }, '503': { description: 'Not ready, and why.' } },
    },
  },
});

/** The OpenAPI document of the API, derived from the domain's codecs and the route and grant tables. */
export const openApiDocument = (version: string) => ({
  openapi: '3.1.0',
  info: {
    title: 'Coachline API',
    version,
    description: 'Every act of a coaching program as an immutable event: commands that record them and views derived from them.',
  },
  security: [{ bearer: [] }],
  paths: { ...commandPaths(), ...viewPaths(), ...otherPaths() },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    schemas: { Error: jsonSchemaOf(ErrorBody), CommandAccepted: jsonSchemaOf(CommandAccepted) },
  },
});
