import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from './api-error';

/** Node's parser errors that mean the request line and headers were too large. */
const TOO_LARGE = new Set(['HPE_HEADER_OVERFLOW', 'HPE_URI_TOO_LONG']);

const answer = (socket: Duplex, status: number, reason: string, body: ErrorBody): void => {
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
};

/**
 * Requests Node refuses before any route sees them (a path or headers over its 16 KB limit, a
 * request line that does not parse) get the error shape too, rather than a bare status line.
 */
export const answerUnparsableRequests = (server: Server): void => {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A client gone, or a request half-answered already: nothing can be said to it.
    if (
      error.code === 'ECONNRESET' ||
      !socket.writable ||
      (socket as Duplex & { _httpMessage?: unknown })._httpMessage
    ) {
      socket.destroy();
      return;
    }
    if (TOO_LARGE.has(error.code ?? ''))
      answer(socket, 431, 'Request Header Fields Too Large', {
        code: 'headers-too-large',
        message: 'The path and headers of the request are too large.',
        errors: [],
      });
    else
      answer(socket, 400, 'Bad Request', {
        code: 'malformed-request',
        message: 'The request could not be parsed as HTTP.',
        errors: [],
      });
  });
};
