import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ID_PATTERN, isId } from '@coachline/domain';
import * as t from 'io-ts';

export const CORRELATION_HEADER = 'x-correlation-id';
/** Sent, with the rule as its value, when the caller's id was refused and one was made instead. */
export const CORRELATION_REPLACED_HEADER = 'X-Correlation-Id-Replaced';

/**
 * A correlation id is written into the metadata of every event a command records, where nothing
 * erases it: it must be an opaque token, not a place for text. So it is short, and spelled like
 * an id; anything else is replaced.
 */
export const CORRELATION_ID_MAX_LENGTH = 64;

export const CORRELATION_ID_RULE = `1 to ${CORRELATION_ID_MAX_LENGTH} letters, digits and -_.: (a UUID fits); anything else is replaced by a new UUID`;

export const isCorrelationId = (text: string): boolean => text.length <= CORRELATION_ID_MAX_LENGTH && isId(text);

/** The id grammar with the shorter length in front, for the OpenAPI document. */
const CORRELATION_ID_PATTERN = new RegExp(`^(?=.{1,${CORRELATION_ID_MAX_LENGTH}}$)${ID_PATTERN.source.slice(1)}`);

/** A caller's `X-Correlation-Id` is kept when this codec accepts it, replaced otherwise; the OpenAPI document states the rule from it. */
export const CorrelationId = Object.assign(
  new t.Type<string, string, unknown>(
    'CorrelationId',
    (u): u is string => typeof u === 'string' && isCorrelationId(u),
    (u, c) =>
      typeof u === 'string' && isCorrelationId(u) ? t.success(u) : t.failure(u, c, `expected ${CORRELATION_ID_RULE}`),
    t.identity,
  ),
  { pattern: CORRELATION_ID_PATTERN },
);

/**
 * The id that ties a request to its log lines and to the events it records: the caller's
 * `X-Correlation-Id` when it follows the rule, otherwise a fresh UUID, and the answer says it was
 * replaced. Echoed on the response either way.
 */
export const correlationIdOf = (request: IncomingMessage, response: ServerResponse): string => {
  const given = request.headers[CORRELATION_HEADER];
  const kept = CorrelationId.is(given);
  const id = kept ? given : randomUUID();
  response.setHeader('X-Correlation-Id', id);
  if (given !== undefined && !kept) response.setHeader(CORRELATION_REPLACED_HEADER, CORRELATION_ID_RULE);
  return id;
};
