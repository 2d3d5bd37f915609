import { Id, Role, StructType } from '@coachline/domain';
import {
  CoachesView,
  CoachingSystemView,
  DueList,
  findProjection,
  ImplementationPlanView,
  LeadershipCoachingSystemView,
  TeamsView,
} from '@coachline/projections';
import * as t from 'io-ts';
import { MAX_LISTED_DAYS } from '../access-log/access-log-filter';
import {
  AccountListing,
  AccountRequest,
  CreatedAccount,
  LinkSignInRequest,
  ListedAccount,
  SessionAnswer,
  SetupRequest,
  SignInRequest,
} from '../auth/accounts/account-request';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/session-cookie';
import { ListedToken, TokenListing, TokenListQuery, TokenRequest } from '../auth/token-request';
import { MintedToken } from '../auth/token-signer';
import { IdempotencyKey, IfMatch } from '../commands/command-headers';
import { commandRoutes } from '../commands/command-routes';
import { CommandAccepted } from '../commands/issue-command';
import { ErrorBody } from '../http/api-error';
import { CORRELATION_REPLACED_HEADER, CorrelationId } from '../http/correlation-id';
import { commandGrants, Grants, integrityGrants, viewGrants, ViewName } from '../policy/grants';
import { CoachingLogView, DebriefsView, PlansView } from '../queries/provider-record';
import { CaseloadList } from '../queries/read-caseload';
import { LeadershipReport, ProgramReport } from '../queries/read-program-report';
import { ParamProfile, viewParameters } from '../queries/view-params';
import { AccessLogAnswer, IntegrityAnswer, LivenessAnswer, ReadinessAnswer } from './answer-codecs';
import { PROVENANCE_HEADERS } from '../checkpoints/view-provenance.interceptor';
import { checkpointOperations } from './checkpoint-operations';
import { JsonSchema, jsonSchemaOf } from './json-schema';
import { REFUSALS, refusals } from './refusals';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
/**
 * An answer that is also CSV (`Accept: text/csv`, see http/csv-answer.ts): the table of the JSON
 * answer, a header row then a row per entry.
 */
const jsonOrCsv = (schema: unknown) => ({
  content: {
    'application/json': { schema },
    'text/csv': {
      schema: { type: 'string', description: 'The answer’s table: a header row, then one row per entry.' },
    },
  },
});
const answersCsv = (operation: Operation): boolean =>
  Object.values(operation['responses'] as Record<string, { content?: object }>).some(
    (answer) => answer.content !== undefined && 'text/csv' in answer.content,
  );

const rolesOf = (grants: Grants) =>
  Object.entries(grants)
    .map(([role, scope]) => `${role} (${scope})`)
    .join(', ');

const header = (name: string, description: string, codec: t.Mixed) => ({
  name,
  in: 'header',
  required: false,
  description,
  schema: jsonSchemaOf(codec),
});
const pathId = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: jsonSchemaOf(Id),
});

/** The query parameters a struct codec decodes, from that codec. */
const queryOf = (codec: StructType<Record<string, t.Mixed>, Record<string, t.Mixed>>) => [
  ...Object.entries(codec.required).map(([name, param]) => ({
    name,
    in: 'query',
    required: true,
    schema: jsonSchemaOf(param),
  })),
  ...Object.entries(codec.optional).map(([name, param]) => ({
    name,
    in: 'query',
    required: false,
    schema: jsonSchemaOf(param),
  })),
];

/** The query parameters and headers of a view, from the codecs that decode them. */
const viewParams = (profile: ParamProfile) =>
  viewParameters(profile).map(({ name, in: where, required, codec, description }) => ({
    name,
    in: where,
    required,
    description,
    schema: jsonSchemaOf(codec),
  }));

/** The body a command route takes: the command's data, its stream id optional since the path carries it. */
const bodySchema = (data: t.Mixed, streamIdField: string): JsonSchema => {
  const schema = jsonSchemaOf(data) as { required?: string[] };
  return { ...schema, required: (schema.required ?? []).filter((field) => field !== streamIdField) };
};

type Operation = Readonly<Record<string, unknown>>;
type Method = 'get' | 'post' | 'delete';
type Entry = readonly [path: string, method: Method, operation: Operation];

/** Path items from operations: two methods on one path share its item, and a second operation for one method and path is a fault. */
export const pathItems = (entries: ReadonlyArray<Entry>): Record<string, Partial<Record<Method, Operation>>> => {
  const items = new Map<string, Partial<Record<Method, Operation>>>();
  for (const [path, method, operation] of entries) {
    const item = items.get(path) ?? {};
    if (item[method]) throw new Error(`Two operations claim ${method.toUpperCase()} ${path}.`);
    items.set(path, { ...item, [method]: operation });
  }
  return Object.fromEntries(items);
};

const commandOperations = (): Entry[] =>
  commandRoutes.map((route) => {
    const field = route.definition.streamIdField;
    return [
      route.path,
      'post',
      {
        operationId: route.type,
        summary: route.definition.description,
        description:
          `Sends ${route.type}; records ${route.definition.produces.join(', ')}. Who may: ${rolesOf(commandGrants[route.type])}. ` +
          `The path's id is the ${field}: the body may leave ${field} out, and if it sends one it must be the path's id (400 otherwise).`,
        tags: [route.collection],
        parameters: [
          pathId('id', `The ${field}.`),
          header(
            'Idempotency-Key',
            'The command id: a retry with the same key gets the first answer and writes nothing.',
            IdempotencyKey,
          ),
          header(
            'If-Match',
            'The stream revision last seen (the ETag of a command’s answer): the command is refused with 409 if the stream moved on.',
            IfMatch,
          ),
          header(
            'X-Correlation-Id',
            `Ties the command to its log lines and events; one outside this rule is replaced by a fresh id (the answer's ${CORRELATION_REPLACED_HEADER} says so), never refused.`,
            CorrelationId,
          ),
        ],
        requestBody: { required: true, ...json(bodySchema(route.definition.data, field)) },
        responses: {
          '201': {
            description: 'Recorded.',
            headers: {
              ETag: {
                description: 'The stream’s revision after the command, for If-Match.',
                schema: { type: 'string', pattern: '^"\\d+"$' },
              },
              'Idempotent-Replayed': {
                description: 'true when this is the first answer again, for a retry with the same Idempotency-Key.',
                schema: { const: 'true' },
              },
            },
            ...json(ref('CommandAccepted')),
          },
          ...refusals(401, 403, 404, 409, 422, 503),
        },
      },
    ] as const;
  });

const digits = { type: 'string', pattern: '^\\d{1,15}$' };
/** What a view computed through a position (the query's throughPosition) says of the signed history it stands on. */
const PROVENANCE = {
  [PROVENANCE_HEADERS.position]: {
    description:
      'The position the view was computed through (throughPosition): its numbers come from exactly the events up to it.',
    schema: digits,
  },
  [PROVENANCE_HEADERS.size]: {
    description:
      'The size of the tree of the events up to that position; absent when the store keeps no tree or the tree does not hold that position yet.',
    schema: digits,
  },
  [PROVENANCE_HEADERS.root]: {
    description: 'That tree’s root (RFC 9162), base64.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9+/]{43}=$' },
  },
  [PROVENANCE_HEADERS.checkpoint]: {
    description:
      'The size of the first signed checkpoint that covers the position (GET /checkpoints/{size}); absent until one is signed.',
    schema: digits,
  },
  [PROVENANCE_HEADERS.consistency]: {
    description:
      'The proof that the checkpoint’s tree extends that root: base64 hashes separated by commas (empty when the sizes are equal).',
    schema: { type: 'string', pattern: '^(?:[A-Za-z0-9+/]{43}=(?:,[A-Za-z0-9+/]{43}=)*)?$' },
  },
};

const viewOperation = (
  path: string,
  view: ViewName,
  summary: string,
  schema: unknown,
  profile: ParamProfile,
  pathParams: object[] = [],
): Entry => [
  path,
  'get',
  {
    operationId: `read-${view}${profile.startsWith('provider-') ? '-of-provider' : ''}`,
    summary,
    description: `Who may: ${rolesOf(viewGrants[view])}.`,
    tags: ['views'],
    parameters: [...pathParams, ...viewParams(profile)],
    responses: {
      '200': {
        description: 'The view.',
        ...(viewParameters(profile).some((p) => p.name === 'throughPosition') ? { headers: PROVENANCE } : {}),
        ...jsonOrCsv(schema),
      },
      ...refusals(401, 403, 404, 503),
    },
  },
];

/** A view route that also answers `Accept: text/html` with a page to print. */
const withPage = ([path, method, operation]: Entry): Entry => {
  const responses = operation['responses'] as Record<string, { content: object }>;
  const ok = responses['200']!;
  const page = { 'text/html': { schema: { type: 'string', description: 'A printable HTML page, no script.' } } };
  return [
    path,
    method,
    { ...operation, responses: { ...responses, '200': { ...ok, content: { ...ok.content, ...page } } } },
  ];
};

const projectionSchema = (name: string) => jsonSchemaOf(findProjection(name)!.viewCodec as unknown as t.Mixed);
const providerId = pathId('id', 'The providerId.');

/** One entry of a view route read by another operation id (`read-team` beside `read-teams`). */
const renamed = ([path, method, operation]: Entry, operationId: string): Entry => [
  path,
  method,
  { ...operation, operationId },
];

const viewOperations = (): Entry[] => [
  viewOperation(
    '/views/dosage',
    'dosage',
    'Minutes of coaching per provider per month against the guide’s target.',
    projectionSchema('dosage'),
    'dosage',
  ),
  viewOperation(
    '/views/timeline',
    'timeline',
    'Each requirement of the program guide with its window and status.',
    projectionSchema('timeline'),
    'timeline',
  ),
  viewOperation(
    '/views/cycles',
    'cycles',
    'Coaching agreements: signatures and cycles against the cadence.',
    projectionSchema('cycles'),
    'cycles',
  ),
  viewOperation(
    '/views/share',
    'share',
    'The confidential share for program leadership (rule 10).',
    projectionSchema('share'),
    'share',
  ),
  viewOperation(
    '/views/evaluation',
    'evaluation',
    'Consents, observations, BOQ and ASQ-SE2 per community; every read is recorded.',
    projectionSchema('evaluation'),
    'evaluation',
  ),
  viewOperation(
    '/views/history',
    'history',
    'Every event of one stream with its metadata; every read is recorded.',
    projectionSchema('history'),
    'history',
  ),
  viewOperation(
    '/due',
    'due',
    'Each provider requirement still to meet, most urgent first: overdue (longest first), due (fewest days left first), upcoming; measured on today unless asOf names a moment.',
    jsonSchemaOf(DueList),
    'due',
  ),
  withPage(
    viewOperation(
      '/reports/program',
      'report',
      'A community’s program report for a month: dosage met, partly met and missed; per coach minutes, overdue items, recording lag and cycles; trainings and meetings against the guide; Reflective Consultation. Leadership gets counts and durations only. Read on today unless asOf names a moment (the month’s last day: the month as it stood at its close).',
      { anyOf: [jsonSchemaOf(ProgramReport), jsonSchemaOf(LeadershipReport)] },
      'report',
    ),
  ),
  viewOperation(
    '/coaches',
    'coaches',
    'Each coach with their qualifications (credential, pathway, training content, competencies), who verified each and when, and whether the coach counts as verified; as of the newest recordedAt unless asOf names a moment.',
    jsonSchemaOf(CoachesView),
    'coaches',
  ),
  viewOperation(
    '/implementation-plan',
    'implementation-plan',
    'Each community’s Coaching Implementation Plan: its seven steps, every planning question answered or still open, each step’s training needs and plan, and how complete the plan is; as of the newest recordedAt unless asOf names a moment.',
    jsonSchemaOf(ImplementationPlanView),
    'implementation-plan',
  ),
  viewOperation(
    '/coaching-system',
    'coaching-system',
    'Each community’s district coaching system: its seven components as last defined, the approval, with whom it was shared, which coaches reviewed it, the installation checklist at each item’s latest record and how complete it is, and each training’s feedback (answers and mean ratings). Leadership gets the checklist’s completeness and the feedback only. As of the newest recordedAt unless asOf names a moment.',
    { anyOf: [jsonSchemaOf(CoachingSystemView), jsonSchemaOf(LeadershipCoachingSystemView)] },
    'coaching-system',
  ),
  viewOperation(
    '/teams',
    'teams',
    'Each team systems coaching serves (district, school, grade-level, multidisciplinary): its coach, member count and coaching service delivery plan; month by month its coaching minutes against the plan (met, partly, missing), with consultation and training minutes shown and never counted; its sessions and effectiveness data over time. A coach reads only the teams they coach. As of the newest recordedAt unless asOf names a moment.',
    jsonSchemaOf(TeamsView),
    'teams',
  ),
  renamed(
    viewOperation(
      '/teams/{id}',
      'teams',
      'One team as /teams shows it; a coach reads only a team they coach.',
      jsonSchemaOf(TeamsView),
      'teams',
      [pathId('id', 'The teamId.')],
    ),
    'read-team',
  ),
  viewOperation(
    '/providers',
    'caseload',
    'The caseload list: each provider with their coach, site, this month’s dosage and most urgent unmet requirement; measured on today unless asOf names a moment.',
    jsonSchemaOf(CaseloadList),
    'caseload',
  ),
  viewOperation(
    '/providers/{id}/timeline',
    'timeline',
    'One provider’s timeline.',
    projectionSchema('timeline'),
    'provider-timeline',
    [providerId],
  ),
  viewOperation(
    '/providers/{id}/debriefs',
    'debriefs',
    'A provider’s debriefs: strengths and next steps, never scores.',
    jsonSchemaOf(DebriefsView),
    'provider-record',
    [providerId],
  ),
  viewOperation(
    '/providers/{id}/plans',
    'plans',
    'A provider’s action plans and which goals are achieved.',
    jsonSchemaOf(PlansView),
    'provider-record',
    [providerId],
  ),
  viewOperation(
    '/providers/{id}/coaching-log',
    'coaching-log',
    'A provider’s coaching log: each session’s summary, next steps and strategies, and the days feedback was sent; never a score.',
    jsonSchemaOf(CoachingLogView),
    'provider-record',
    [providerId],
  ),
  viewOperation(
    '/streams/{stream}',
    'history',
    'Every event of a stream with its metadata; every read is recorded.',
    projectionSchema('history'),
    'provider-record',
    [pathId('stream', 'The stream, such as provider-p-017.')],
  ),
  viewOperation(
    '/access-log',
    'access-log',
    `Who read the confidential views on a UTC day (day, default today) or a span of days (from and to, both included, from not after to, at most ${MAX_LISTED_DAYS} days; one of them alone is a span of one day): 400 otherwise.`,
    jsonSchemaOf(AccessLogAnswer),
    'access-log',
  ),
];

const publicOperation = (operationId: string, summary: string, responses: object): Operation => ({
  operationId,
  summary,
  tags: ['service'],
  security: [],
  responses,
});

/** The cookie a sign-in sets: HttpOnly, SameSite=Strict, Path=/, Secure over https. */
const SESSION_SET_COOKIE = {
  'Set-Cookie': {
    description: `${SESSION_COOKIE}=<token>; Max-Age=43200; Path=/; HttpOnly; SameSite=Strict (and Secure over https).`,
    schema: { type: 'string' },
  },
};

const signInOperation = (operationId: string, summary: string, body: unknown, statuses: number[]): Operation => ({
  operationId,
  summary,
  tags: ['sessions'],
  security: [],
  requestBody: { required: true, ...json(body) },
  responses: {
    '201': { description: 'Signed in.', headers: SESSION_SET_COOKIE, ...json(jsonSchemaOf(SessionAnswer)) },
    ...refusals(...statuses),
  },
});

const accountOperations = (): Entry[] => [
  [
    '/accounts',
    'post',
    {
      operationId: 'create-account',
      summary:
        'Create a browser account (admins only): its id is the id it acts under, as a token’s subject is. Answers a one-time sign-in link, valid 24 hours, to hand to its person.',
      tags: ['accounts'],
      requestBody: { required: true, ...json(jsonSchemaOf(AccountRequest)) },
      responses: {
        '201': { description: 'The account and its sign-in link.', ...json(jsonSchemaOf(CreatedAccount)) },
        ...refusals(401, 403, 409, 503),
      },
    },
  ],
  [
    '/accounts',
    'get',
    {
      operationId: 'list-accounts',
      summary: 'Every browser account with its state, never a password’s hash (admins only).',
      tags: ['accounts'],
      responses: {
        '200': { description: 'The accounts.', ...json(jsonSchemaOf(AccountListing)) },
        ...refusals(401, 403),
      },
    },
  ],
  [
    '/accounts/{id}/disable',
    'post',
    {
      operationId: 'disable-account',
      summary:
        'Disable an account for good and revoke every active token of its id, its sessions among them (admins only).',
      tags: ['accounts'],
      parameters: [pathId('id', 'The account’s id.')],
      responses: {
        '200': { description: 'The account as disabled.', ...json(jsonSchemaOf(ListedAccount)) },
        ...refusals(401, 403, 404, 503),
      },
    },
  ],
  [
    '/sessions',
    'post',
    signInOperation(
      'sign-in',
      'Sign in with an account’s id and password: sets the session cookie and answers its CSRF value. Five wrong passwords for an id within 15 minutes close it for 15 minutes (429).',
      jsonSchemaOf(SignInRequest),
      [401, 403, 429],
    ),
  ],
  [
    '/sessions/link',
    'post',
    signInOperation(
      'sign-in-with-link',
      'Sign in with a one-time link’s code, choosing the password (required when the account has none). A code works once, for 24 hours.',
      jsonSchemaOf(LinkSignInRequest),
      [401, 403],
    ),
  ],
  [
    '/setup',
    'post',
    signInOperation(
      'create-first-admin',
      'Create the first admin with the setup code the start printed, and sign in; only while no account exists.',
      jsonSchemaOf(SetupRequest),
      [401, 403, 409],
    ),
  ],
  [
    '/sessions/current',
    'get',
    {
      operationId: 'current-session',
      summary: 'Who is signed in: the account, its role and reach, the CSRF value and when the session ends.',
      tags: ['sessions'],
      responses: { '200': { description: 'The session.', ...json(jsonSchemaOf(SessionAnswer)) }, ...refusals(401) },
    },
  ],
  [
    '/sessions/current',
    'delete',
    {
      operationId: 'sign-out',
      summary: 'Sign out: the session’s token is revoked and the cookie cleared.',
      tags: ['sessions'],
      responses: {
        '204': {
          description: 'Signed out.',
          headers: { 'Set-Cookie': { description: 'Clears the session cookie.', schema: { type: 'string' } } },
        },
        ...refusals(401, 403),
      },
    },
  ],
  [
    '/',
    'get',
    publicOperation(
      'web-app',
      'The web app’s page (its files are under /assets/), or a short page saying it is not built yet.',
      { '200': { description: 'The page.', content: { 'text/html': { schema: { type: 'string' } } } } },
    ),
  ],
];

const otherOperations = (): Entry[] => [
  ...accountOperations(),
  ...checkpointOperations(),
  [
    '/integrity',
    'get',
    {
      operationId: 'read-integrity',
      summary:
        'The store’s chain state: the position of its last event and that event’s chain hash (the head `coachline verify --store` prints; null for an empty store or one that keeps no chain).',
      description: `Who may: ${rolesOf(integrityGrants)}.`,
      tags: ['integrity'],
      responses: {
        '200': { description: 'The chain state.', ...json(jsonSchemaOf(IntegrityAnswer)) },
        ...refusals(401, 403),
      },
    },
  ],
  [
    '/tokens',
    'post',
    {
      operationId: 'mint-token',
      summary: `Mint a bearer token for a person of the program (admins only). Roles: ${Role.values.join(', ')}.`,
      tags: ['tokens'],
      requestBody: { required: true, ...json(jsonSchemaOf(TokenRequest)) },
      responses: { '201': { description: 'The token.', ...json(jsonSchemaOf(MintedToken)) }, ...refusals(401, 403) },
    },
  ],
  [
    '/tokens',
    'get',
    {
      operationId: 'list-tokens',
      summary: 'Every token issued, never its text, with its state (admins only).',
      tags: ['tokens'],
      parameters: queryOf(TokenListQuery),
      responses: { '200': { description: 'The tokens.', ...json(jsonSchemaOf(TokenListing)) }, ...refusals(401, 403) },
    },
  ],
  [
    '/tokens/{id}',
    'delete',
    {
      operationId: 'revoke-token',
      summary: 'Revoke a token by its id: from the next request on it is refused (admins only).',
      tags: ['tokens'],
      parameters: [pathId('id', 'The token’s id.')],
      responses: {
        '200': { description: 'The token as revoked.', ...json(jsonSchemaOf(ListedToken)) },
        ...refusals(401, 403, 404),
      },
    },
  ],
  [
    '/health',
    'get',
    publicOperation('liveness', 'The process answers.', {
      '200': { description: 'Alive.', ...json(jsonSchemaOf(LivenessAnswer)) },
    }),
  ],
  [
    '/health/ready',
    'get',
    publicOperation(
      'readiness',
      'The store answers, the views have caught up and none is parked; with each view’s position and lag.',
      {
        '200': { description: 'Ready.', ...json(jsonSchemaOf(ReadinessAnswer)) },
        '503': { description: 'Not ready, and why.', ...json(jsonSchemaOf(ReadinessAnswer)) },
      },
    ),
  ],
  [
    '/docs',
    'get',
    publicOperation('openapi-document', 'This document.', {
      '200': { description: 'The OpenAPI 3.1 document.', ...json({ type: 'object' }) },
    }),
  ],
  [
    '/docs/html',
    'get',
    publicOperation('openapi-page', 'A page listing every route, for a person with a browser.', {
      '200': { description: 'The page.', content: { 'text/html': { schema: { type: 'string' } } } },
    }),
  ],
];

/** Refusals any request can meet, whatever its route: a bad body, a body too large or not JSON, headers too large. */
/** Headers an answer of the router carries: the correlation id it was handled under, and why the caller's was not kept. */
const CORRELATION_HEADERS = {
  'X-Correlation-Id': {
    description: 'The id the request was handled and logged under.',
    schema: jsonSchemaOf(CorrelationId),
  },
  [CORRELATION_REPLACED_HEADER]: {
    description: 'The caller’s X-Correlation-Id broke this rule and was replaced.',
    schema: { type: 'string' },
  },
};

const withCommonAnswers = ([path, method, operation]: Entry): Entry => {
  const responses = {
    ...(operation['responses'] as Record<string, { headers?: object }>),
    ...refusals(400, 413, 415, 431),
    // A read with no CSV reading refuses a reader who takes CSV and not JSON.
    ...(method === 'get' && !answersCsv(operation) ? refusals(406) : {}),
  };
  const withHeaders = Object.fromEntries(
    Object.entries(responses).map(([status, answer]) => [
      status,
      { ...answer, headers: { ...answer.headers, ...CORRELATION_HEADERS } },
    ]),
  );
  return [path, method, { ...operation, responses: withHeaders }];
};

const DESCRIPTION = [
  'Every act of a coaching program as an immutable event: commands that record them and views derived from them.',
  `Every refusal has the Error shape. A method a path does not serve is answered 405 (${REFUSALS[405]}), a path the API does not serve 404.`,
].join(' ');

/** The OpenAPI document of the API, derived from the domain's codecs and the route and grant tables. */
export const openApiDocument = (version: string) => ({
  openapi: '3.1.0',
  info: { title: 'Coachline API', version, description: DESCRIPTION },
  security: [{ bearer: [] }, { session: [] }],
  paths: pathItems([...commandOperations(), ...viewOperations(), ...otherOperations()].map(withCommonAnswers)),
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: `A browser's session, set by POST /sessions. A POST, PUT, PATCH or DELETE sent with it must carry the ${CSRF_HEADER} header the sign-in answered (403 csrf otherwise) and no Origin but the API's own (403 cross-origin).`,
      },
    },
    schemas: { Error: jsonSchemaOf(ErrorBody), CommandAccepted: jsonSchemaOf(CommandAccepted) },
  },
});
