import { Actor, Instant, LocalDate, NonNegativeInteger, Sha256 } from '@coachline/domain';
import * as t from 'io-ts';
import type { ViewRead } from '../access-log/access-log';
import type { IntegrityState } from '../queries/integrity.controller';
import type { AccessLogListing } from '../queries/read-access-log';

/**
 * The answers of the routes that are not views of the catalogue, as codecs, so the OpenAPI
 * document says their shape and the contract test holds the API to it. Each is checked against
 * the type the API builds its answer from, so neither can change without the other.
 */

const ViewReadAnswer = t.type(
  {
    id: t.string,
    at: Instant,
    actor: Actor,
    view: t.string,
    query: t.record(t.string, t.string),
    correlationId: t.string,
  },
  'ViewRead',
);

const Reads = t.readonlyArray(ViewReadAnswer);

/** `GET /access-log`: one day's reads (`?day=`, or none), or a span's (`?from=&to=`). */
export const AccessLogAnswer = t.union([
  t.type({ day: LocalDate, reads: Reads }, 'AccessLogDay'),
  t.type({ from: LocalDate, to: LocalDate, reads: Reads }, 'AccessLogSpan'),
]);

/** `GET /integrity`: the store's head position and the chain hash of the event there. */
export const IntegrityAnswer = t.type(
  { position: NonNegativeInteger, head: t.union([Sha256, t.null]), events: NonNegativeInteger },
  'Integrity',
);

/** `GET /health`. */
export const LivenessAnswer = t.type({ status: t.literal('ok') }, 'Liveness');

const ParkedAtAnswer = t.type(
  { position: NonNegativeInteger, eventId: t.string, eventType: t.string, error: t.string },
  'ParkedAt',
);

/** `GET /health/ready`: 200 when ready, 503 with the same shape when not. */
export const ReadinessAnswer = t.type(
  {
    status: t.union([t.literal('ready'), t.literal('not-ready')]),
    store: t.intersection([
      t.type({ reachable: t.boolean }),
      t.partial({ headPosition: NonNegativeInteger, error: t.string }),
    ]),
    caughtUp: t.boolean,
    projections: t.array(
      t.intersection([
        t.type({ name: t.string, position: NonNegativeInteger, lag: NonNegativeInteger }),
        t.partial({ parked: ParkedAtAnswer }),
      ]),
    ),
  },
  'Readiness',
);

// What the access log holds must fit what the document says of it: this does not compile otherwise.
type Fits<Documented, Held extends Documented> = Held;
export type _ReadsFit = Fits<t.TypeOf<typeof ViewReadAnswer>, ViewRead>;
export type _SpanFits = Fits<t.TypeOf<typeof AccessLogAnswer>, AccessLogListing>;
export type _IntegrityFits = Fits<
  Omit<t.TypeOf<typeof IntegrityAnswer>, 'head'> & { head: string | null },
  IntegrityState
>;
