import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Id } from '@coachline/domain';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * The id that ties a request to its log lines and to the events it records: the caller's
 * `X-Correlation-Id` when it is a valid id, otherwise a fresh one. Echoed on the response.
 */
export const correlationIdOf = (request: IncomingMessage, response: ServerResponse): string => {
  const given = request.headers[CORRELATION_HEADER];
  const id = typeof given === 'string' && Id.is(given) ? given : randomUUID();
  response.setHeader('X-Correlation-Id', id);
  return id;
};
