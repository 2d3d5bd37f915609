import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import { correlationIdOf } from './correlation-id';

/** A request as this log leaves it: its correlation id, and a logger whose every line carries it. */
type LoggedRequest = IncomingMessage & { id: string; log: Logger };

/** The logger `apiLogger` made for the application, for `logRequests` to hang each request's logger from. */
export const API_LOGGER = Symbol('API_LOGGER');

/**
 * The API's logger: JSON lines on stdout, written as they are logged, since on SIGTERM the
 * process ends itself right after its last line ('Stopped') and a write still in flight then
 * would be lost. A request is logged by method and path only (never its headers, so never a token).
 */
export const apiLogger = (
  level: string,
  destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true }),
): Logger =>
  pino(
    {
      level,
      serializers: {
        req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
    destination,
  );

/**
 * Gives each request its correlation id (echoed on the answer) and a child logger bound to it,
 * and logs each answer at info: method, path, status and time taken. Below info nothing is built
 * for that line at all; the child logger is all a request costs, so that lines logged while it is
 * handled (an error, a command recorded) still name it.
 */
export const logRequests =
  (logger: Logger) =>
  (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const correlationId = correlationIdOf(request, response);
    const log = logger.child({ correlationId });
    (request as LoggedRequest).id = correlationId;
    (request as LoggedRequest).log = log;
    if (logger.isLevelEnabled('info')) {
      const startedMs = Date.now();
      const req = { method: request.method, url: request.url };
      // A client that goes away before its answer is complete closes the response without finishing it.
      const done = () => {
        response.off('finish', done);
        response.off('close', done);
        const line = {
          req,
          res: { statusCode: response.statusCode },
          responseTime: Date.now() - startedMs,
        };
        log.info(line, response.statusCode >= 500 ? 'request errored' : 'request completed');
      };
      response.on('finish', done);
      response.on('close', done);
    }
    next();
  };
