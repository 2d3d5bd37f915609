import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Id } from '@coachline/domain';
import type * as t from 'io-ts';

export const CORRELATION_HEADER = 'x-correlation-id';

/** A caller's `X-Correlation-Id` is kept when this codec accepts it, replaced otherwise; the OpenAPI document states the rule from it. */
export const CorrelationId: t.Type<string, string, unknown> = Id;

/**
 * The id that ties a request to its log lines and to the events it records: the caller's
 * `X-Correlation-Id` when it is a valid id, otherwise a fresh one. Echoed on the response.
 */
export const correlationIdOf = (request: IncomingMessage, response: ServerResponse): string => {
  const given = request.headers[CORRELATION_HEADER];
  const id = typeof given === 'string' && CorrelationId.is(given) ? given : randomUUID();
  response.setHeader('X-Correlation-Id', id);
  return id;
};
