/** What each refusal status means, as the document says it; the body is always the Error shape. */
export const REFUSALS: Readonly<Record<number, string>> = {
  400: 'Invalid: every wrong field, header and parameter, by path (or a body that is not valid JSON or UTF-8). Nothing is written.',
  401: 'No token or session, or one that is not valid, revoked or expired; or a sign-in refused.',
  403: 'The role may not do this, or the record is beyond the actor’s reach; or a change sent with the session cookie lacks its X-Coachline-CSRF value (csrf) or comes from another origin (cross-origin).',
  404: 'No such route, view, stream or provider.',
  405: 'method-not-allowed, with an Allow header listing the methods the path serves',
  406: 'not-acceptable: the Accept header takes text/csv and not application/json, and this route has no CSV reading.',
  409: 'The stream moved on from the If-Match revision, or the record already exists, or the Idempotency-Key was used for another command.',
  413: 'The body is larger than the API takes (payload-too-large).',
  415: 'The body is not JSON in UTF-8 (unsupported-media-type, charset-unsupported).',
  422: 'A rule of the program refused it; the path names the field that broke it.',
  429: 'Too many wrong passwords for this account id: try again after the Retry-After seconds.',
  431: 'The request line or headers are too large (headers-too-large).',
  503: 'The view has not reached the position asked for in time (view-behind), the access log is unavailable, or the store cannot be reached (store-unavailable); retry after the Retry-After seconds.',
};

const HEADERS: Readonly<Record<number, Record<string, { description: string; schema: object }>>> = {
  401: { 'WWW-Authenticate': { description: 'Bearer realm="coachline".', schema: { type: 'string' } } },
  429: {
    'Retry-After': {
      description: 'Seconds to wait before trying again.',
      schema: { type: 'string', pattern: '^\\d+$' },
    },
  },
  503: {
    'Retry-After': {
      description: 'Seconds to wait before sending the request again.',
      schema: { type: 'string', pattern: '^\\d+$' },
    },
  },
};

/** The documented answers for refusals, each with the Error body and the headers it carries. */
export const refusals = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: REFUSALS[status],
        ...(HEADERS[status] ? { headers: HEADERS[status] } : {}),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
