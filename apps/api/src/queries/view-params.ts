import { AsOf, instantOfAsOf, decodeWith, DomainError, Id, invalid, LocalDate, Month, struct } from '@coachline/domain';
import { DueStatusesParam, DueWithinParam } from '@coachline/projections';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { ViewName } from '../policy/grants';

const DIGITS = /^\d{1,15}$/;

/**
 * A global position as a query string or header carries it: decimal digits. It decodes to the
 * string itself, as every codec inside the domain's structs does; `decodeViewParams` reads the
 * number. Its `pattern` is what the OpenAPI document says of it.
 */
export const PositionParam = Object.assign(
  new t.Type<string, string, unknown>(
    'Position',
    (u): u is string => typeof u === 'string' && DIGITS.test(u),
    (u, c) =>
      typeof u === 'string' && DIGITS.test(u)
        ? t.success(u)
        : t.failure(u, c, `expected a global position (digits), got ${JSON.stringify(u)}`),
    (s) => s,
  ),
  { pattern: DIGITS },
);

/** Every parameter a view query may take: its codec, and what it means for the document. */
const PARAMS = {
  asOf: {
    codec: AsOf,
    description:
      'The view as the program knew it at this moment: a date (the end of that UTC day) or an instant. An earlier moment than the newest event is replayed from the store.',
  },
  providerId: { codec: Id, description: 'Only this provider.' },
  communityId: { codec: Id, description: 'Only this community.' },
  coachId: { codec: Id, description: 'Only the providers of this coach.' },
  status: {
    codec: DueStatusesParam,
    description:
      'Only rows of these statuses, separated by commas: upcoming, due, overdue, done, not-applicable (default overdue,due).',
  },
  requirement: {
    codec: Id,
    description:
      'Only this requirement, by the id its guide gives it: dosage matches dosage-2025-10, asq-se2-follow-up every screening’s follow-up (asq-se2-follow-up-q-1); or one line by its own id.',
  },
  within: {
    codec: DueWithinParam,
    description:
      'Only the work ahead within so many days: overdue rows, due rows closing within them, upcoming rows opening within them.',
  },
  month: { codec: Month, description: 'Only this month.' },
  stream: {
    codec: Id,
    description: 'The stream to read, such as provider-p-017: the history is read one stream at a time.',
  },
  day: {
    codec: LocalDate,
    description: 'The UTC day to list (default today). Not with from or to: one day or a span, not both.',
  },
  from: { codec: LocalDate, description: 'The first UTC day of a span.' },
  to: { codec: LocalDate, description: 'The last UTC day of a span (both days included).' },
  reader: { codec: Id, description: 'Only reads by this person.' },
  subject: { codec: Id, description: 'Only reads about this provider, community or stream.' },
  view: { codec: Id, description: 'Only reads of this view.' },
  waitForPosition: {
    codec: PositionParam,
    description:
      'Answer once the view has reached this global position (a command’s `position`), to read your own write; a position the store has not reached is refused (400 unknown-position).',
  },
  throughPosition: {
    codec: PositionParam,
    description:
      'The view computed from exactly the events at global positions up to this one, replayed from the store and measured as of the latest recordedAt among them; the answer names the signed history they are (the Coachline-Tree-* and Coachline-Checkpoint-* headers). A position the store has not reached is refused (400 unknown-position); not with asOf.',
  },
} as const;
type ParamName = keyof typeof PARAMS;

type PositionName = 'waitForPosition' | 'throughPosition';

export type ViewParams = {
  readonly [K in Exclude<ParamName, PositionName>]?: t.TypeOf<(typeof PARAMS)[K]['codec']>;
} & {
  readonly [K in PositionName]?: number;
};

const live: ParamName[] = ['asOf', 'waitForPosition', 'throughPosition'];
/** The views replayed from the store on each read, which can as well stop at a position. */
const replayed: ParamName[] = ['asOf', 'waitForPosition', 'throughPosition', 'communityId'];

/** What a route of one provider's record (`/providers/:id/timeline`) takes: the provider is in the path. */
export type ParamProfile = ViewName | 'provider-record' | 'provider-timeline';

interface Profile {
  readonly required?: ReadonlyArray<ParamName>;
  readonly optional: ReadonlyArray<ParamName>;
}

/**
 * The parameters each view understands; any other is named as unknown rather than ignored. The
 * history and a provider's record are read from the store itself, always current, so a position
 * to wait for is accepted and already reached. Only views folded from the global order are
 * computed through a position: one stream's events are what they are, and the access log is no
 * event of the history.
 */
const PROFILES: Readonly<Record<ParamProfile, Profile>> = {
  dosage: { optional: [...live, 'providerId', 'month'] },
  timeline: { optional: [...live, 'providerId', 'communityId'] },
  cycles: { optional: [...live, 'providerId'] },
  share: { optional: [...live, 'providerId'] },
  evaluation: { optional: [...live, 'providerId', 'communityId'] },
  due: { optional: [...live, 'coachId', 'communityId', 'providerId', 'status', 'requirement', 'within'] },
  history: { required: ['stream'], optional: ['asOf', 'waitForPosition'] },
  debriefs: { optional: ['asOf', 'waitForPosition'] },
  plans: { optional: ['asOf', 'waitForPosition'] },
  'coaching-log': { optional: ['asOf', 'waitForPosition'] },
  'access-log': { optional: ['day', 'from', 'to', 'reader', 'subject', 'view'] },
  caseload: { optional: [...live, 'coachId', 'communityId'] },
  report: { required: ['communityId', 'month'], optional: live },
  coaches: { optional: replayed },
  'implementation-plan': { optional: replayed },
  'coaching-system': { optional: replayed },
  teams: { optional: replayed },
  'provider-record': { optional: ['asOf', 'waitForPosition'] },
  'provider-timeline': { optional: live },
};

const codecsOf = (names: ReadonlyArray<ParamName> = []): Record<string, t.Mixed> =>
  Object.fromEntries(names.map((name) => [name, PARAMS[name].codec]));

const paramsCodecOf = (view: ParamProfile) =>
  struct(`${view} query`, codecsOf(PROFILES[view].required), codecsOf(PROFILES[view].optional));

/** Made once for each profile rather than for each query decoded. */
const PARAMS_CODECS = new Map(
  (Object.keys(PROFILES) as ParamProfile[]).map((view) => [view, paramsCodecOf(view)] as const),
);

/** The query codec of each view, for decoding and for the OpenAPI document. */
export const viewParamsCodec = (view: ParamProfile): ReturnType<typeof paramsCodecOf> => PARAMS_CODECS.get(view)!;

export const WAIT_HEADER = 'x-wait-for-position';

/** A parameter of a view as the OpenAPI document lists it, with the codec that checks it. */
export interface ViewParameter {
  readonly name: string;
  readonly in: 'query' | 'header';
  readonly required: boolean;
  readonly codec: t.Mixed;
  readonly description: string;
}

/** Every query parameter and header a view takes, from the tables `decodeViewParams` checks them by. */
export const viewParameters = (view: ParamProfile): ViewParameter[] => {
  const { required = [], optional } = PROFILES[view];
  const query = [...required, ...optional].map((name) => ({
    name,
    in: 'query' as const,
    required: required.includes(name),
    codec: PARAMS[name].codec as t.Mixed,
    description: PARAMS[name].description,
  }));
  const waits = optional.includes('waitForPosition')
    ? [
        {
          name: 'X-Wait-For-Position',
          in: 'header' as const,
          required: false,
          codec: PositionParam as t.Mixed,
          description: 'The same as waitForPosition, which wins when both are sent.',
        },
      ]
    : [];
  return [...query, ...waits];
};

/**
 * Decodes a view's query string, and `X-Wait-For-Position` when the view takes a position and
 * the query does not name one: every wrong parameter is reported at once, by path (`query.asOf`).
 */
export const decodeViewParams = (
  view: ParamProfile,
  query: unknown,
  headers: Record<string, string | string[] | undefined>,
): E.Either<DomainError, ViewParams> => {
  const header = PROFILES[view].optional.includes('waitForPosition') ? headers[WAIT_HEADER] : undefined;
  const fromQuery = decodeWith(viewParamsCodec(view), `The query of ${view}`, 'query')(query ?? {});
  const fromHeader =
    header === undefined
      ? E.right(undefined)
      : decodeWith(PositionParam, `The ${WAIT_HEADER} header`, `headers.${WAIT_HEADER}`)(header);
  const errors = [
    ...(E.isLeft(fromQuery) ? fromQuery.left.errors : []),
    ...(E.isLeft(fromHeader) ? fromHeader.left.errors : []),
  ];
  if (E.isLeft(fromQuery) || E.isLeft(fromHeader))
    return E.left(
      invalid('invalid', `The query of ${view} is invalid: ${errors.map((e) => e.path).join(', ')}`, errors),
    );
  const { waitForPosition, throughPosition, asOf, ...params } = fromQuery.right as Record<string, string | undefined>;
  const through = throughPositionOf(view, throughPosition, asOf);
  if (E.isLeft(through)) return through;
  const position = waitForPosition ?? fromHeader.right;
  return E.right({
    ...params,
    ...(asOf !== undefined ? { asOf: instantOfAsOf(asOf) } : {}),
    ...(position !== undefined ? { waitForPosition: Number(position) } : {}),
    ...(through.right !== undefined ? { throughPosition: through.right } : {}),
  } as ViewParams);
};

/**
 * The position a view is computed through. Positions start at 1: through 0 there is no history to
 * stand on. A moment and a position would each cut the history, and could cut it in two places.
 */
const throughPositionOf = (
  view: ParamProfile,
  named: string | undefined,
  asOf: string | undefined,
): E.Either<DomainError, number | undefined> => {
  if (named === undefined) return E.right(undefined);
  const refused = (message: string) =>
    E.left(
      invalid('invalid', `The query of ${view} is invalid: query.throughPosition`, [
        { path: 'query.throughPosition', message },
      ]),
    );
  if (Number(named) < 1) return refused('positions start at 1');
  if (asOf !== undefined)
    return refused('a view is computed through a position or as of a moment, not both: drop asOf');
  return E.right(Number(named));
};
