import type { FieldError } from '@coachline/domain';

/** The header an unsafe request signed in by the session cookie carries; its value comes with the session. */
export const CSRF_HEADER = 'X-Coachline-CSRF';

/** The body of every refusal the API sends: a stable code, a sentence, and each field at fault by its path. */
export interface RefusalBody {
  readonly code: string;
  readonly message: string;
  readonly errors: ReadonlyArray<FieldError>;
}

/** A request the API refused (or could not be reached for): its status and its body as sent. */
export class ApiRefusal extends Error {
  override readonly name = 'ApiRefusal';
  constructor(
    readonly status: number,
    readonly body: RefusalBody,
  ) {
    super(body.message);
  }
}

const isRefusalBody = (body: unknown): body is RefusalBody =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as RefusalBody).code === 'string' &&
  typeof (body as RefusalBody).message === 'string' &&
  Array.isArray((body as RefusalBody).errors);

let csrf: string | undefined;

/** Kept from the session's answer (sign-in or who-am-I); cleared at sign-out. */
export const rememberCsrf = (value: string | undefined): void => {
  csrf = value;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The views are kept a moment behind the store. A page read right after its own change must show
 * it: every read carries the highest global position this page's changes reached, and a view the
 * API keeps answers once it has caught up to it (reads that keep no view pass the header by).
 */
const WAIT_HEADER = 'X-Wait-For-Position';
let written = 0;

const rememberPosition = (body: unknown): void => {
  const position = typeof body === 'object' && body !== null ? (body as { position?: unknown }).position : undefined;
  if (typeof position === 'number' && Number.isSafeInteger(position) && position > written) written = position;
};

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

/**
 * One request to the API, from the page's own origin with its session cookie; JSON both ways.
 * Answers the parsed body (undefined for 204), or throws an ApiRefusal carrying the API's field
 * errors so a form can show each beside its field.
 */
export const api = async <A>(path: string, options: RequestOptions = {}): Promise<A> => {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrf !== undefined) headers[CSRF_HEADER] = csrf;
  if (method === 'GET' && written > 0) headers[WAIT_HEADER] = String(written);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch {
    throw new ApiRefusal(0, { code: 'unreachable', message: 'The Coachline server could not be reached.', errors: [] });
  }
  if (response.status === 204) return undefined as A;
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok)
    throw new ApiRefusal(
      response.status,
      isRefusalBody(body)
        ? body
        : { code: 'unexpected', message: `The server answered ${response.status}.`, errors: [] },
    );
  if (UNSAFE.has(method)) rememberPosition(body);
  return body as A;
};

/** A path segment from an id: ids are chosen by people and must never change the path's shape. */
export const segment = (id: string): string => encodeURIComponent(id);
