import { decodeWith, DomainError, Id, Instant, LocalDate, Month, struct } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { ViewName } from '../policy/grants';

const DIGITS = /^\d{1,15}$/;

/**
 * A global position as a query string carries it: decimal digits. It decodes to the string
 * itself, as every codec inside the domain's structs does; `decodeViewParams` reads the number.
 */
export const PositionParam = new t.Type<string, string, unknown>(
  'Position',
  (u): u is string => typeof u === 'string' && DIGITS.test(u),
  (u, c) => (typeof u === 'string' && DIGITS.test(u) ? t.success(u) : t.failure(u, c, `expected a global position (digits), got ${JSON.stringify(u)}`)),
  (s) => s,
);

/** Every parameter a view query may take, each with its codec. */
const PARAMS = {
  asOf: Instant,
  providerId: Id,
  communityId: Id,
  month: Month,
  stream: Id,
  day: LocalDate,
  from: LocalDate,
  to: LocalDate,
  reader: Id,
  subject: Id,
  view: Id,
  waitForPosition: PositionParam,
} as const;
type ParamName = keyof typeof PARAMS;

export type ViewParams = { readonly [K in Exclude<ParamName, 'waitForPosition'>]?: t.TypeOf<(typeof PARAMS)[K]> } & {
  readonly waitForPosition?: number;
};

const live: ParamName[] = ['asOf', 'waitForPosition'];

/** What a route of one provider's record (`/providers/:id/timeline`) takes: the provider is in the path. */
export type ParamProfile = ViewName | 'provider-record';

/**
 * The parameters each view understands; any other is named as unknown rather than ignored. The
 * history and a provider's record are read from the store itself, always current, so a position
 * to wait for is accepted and already reached.
 */
const PARAMS_OF_VIEW: Readonly<Record<ParamProfile, ReadonlyArray<ParamName>>> = {
  dosage: [...live, 'providerId', 'month'],
  timeline: [...live, 'providerId', 'communityId'],
  cycles: [...live, 'providerId'],
  share: [...live, 'providerId'],
  evaluation: [...live, 'providerId', 'communityId'],
  history: ['asOf', 'stream', 'waitForPosition'],
  debriefs: ['asOf', 'waitForPosition'],
  plans: ['asOf', 'waitForPosition'],
  'access-log': ['day', 'from', 'to', 'reader', 'subject', 'view'],
  'provider-record': ['asOf', 'waitForPosition'],
};

/** The query codec of each view, for decoding and for the OpenAPI document. */
export const viewParamsCodec = (view: ParamProfile) =>
  struct(`${view} query`, {}, Object.fromEntries(PARAMS_OF_VIEW[view].map((name) => [name, PARAMS[name]])));

export const WAIT_HEADER = 'x-wait-for-position';

/**
 * Decodes a view's query string, and `X-Wait-For-Position` when the query does not name a
 * position: every wrong parameter is reported at once, by path (`query.asOf`).
 */
export const decodeViewParams = (
  view: ParamProfile,
  query: unknown,
  headers: Record<string, string | string[] | undefined>,
): E.Either<DomainError, ViewParams> => {
  const header = headers[WAIT_HEADER];
  const fromQuery = decodeWith(viewParamsCodec(view), `The query of ${view}`, 'query')(query ?? {});
  const fromHeader =
    header === undefined ? E.right(undefined) : decodeWith(PositionParam, `The ${WAIT_HEADER} header`, `headers.${WAIT_HEADER}`)(header);
  if (E.isLeft(fromQuery) && E.isLeft(fromHeader))
    return E.left({ ...fromQuery.left, errors: [...fromQuery.left.errors, ...fromHeader.left.errors] });
  if (E.isLeft(fromQuery)) return fromQuery;
  if (E.isLeft(fromHeader)) return fromHeader;
  const { waitForPosition, ...params } = fromQuery.right as Record<string, string | undefined>;
  const position = waitForPosition ?? fromHeader.right;
  return E.right({ ...params, ...(position !== undefined ? { waitForPosition: Number(position) } : {}) } as ViewParams);
};
