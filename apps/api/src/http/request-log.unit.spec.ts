import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { apiLogger, logRequests } from './request-log';

/** The log's lines, parsed, as the API would write them on stdout. */
const captured = (level: string) => {
  const lines: Array<Record<string, unknown>> = [];
  const logger = apiLogger(level, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
};

/** Just what the middleware touches of a request and its response. */
const exchange = (headers: Record<string, string> = {}) => {
  const request = { method: 'GET', url: '/views/dosage?providerId=p-1', headers } as unknown as IncomingMessage & {
    id: string;
    log: Logger;
  };
  const sent = new Map<string, string>();
  const response = Object.assign(new EventEmitter(), {
    statusCode: 200,
    setHeader: (name: string, value: string) => void sent.set(name.toLowerCase(), value),
  }) as unknown as ServerResponse;
  return { request, response, sent };
};

const through = (logger: Logger, headers?: Record<string, string>) => {
  const { request, response, sent } = exchange(headers);
  let passed = false;
  logRequests(logger)(request, response, () => {
    passed = true;
  });
  return { request, response, sent, passed };
};

describe('the request log', () => {
  it('gives each request its correlation id, echoed on the answer, and passes it on', () => {
    const { logger } = captured('info');
    const given = through(logger, { 'x-correlation-id': 'corr-from-client' });
    expect(given.passed).toBe(true);
    expect(given.request.id).toBe('corr-from-client');
    expect(given.sent.get('x-correlation-id')).toBe('corr-from-client');
    const made = through(logger);
    expect(made.request.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.sent.get('x-correlation-id')).toBe(made.request.id);
  });

  it('logs each answer once at info, by method, path, status and time, with its correlation id and no header', () => {
    const { logger, lines } = captured('info');
    const { request, response } = through(logger, { authorization: 'Bearer secret-token', 'x-correlation-id': 'c-1' });
    request.log.info('inside the request');
    response.statusCode = 404;
    response.emit('finish');
    response.emit('close');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 30, correlationId: 'c-1', msg: 'inside the request' });
    expect(lines[1]).toMatchObject({
      level: 30,
      correlationId: 'c-1',
      req: { method: 'GET', url: '/views/dosage?providerId=p-1' },
      res: { statusCode: 404 },
      msg: 'request completed',
    });
    expect(typeof lines[1]!['responseTime']).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });

  it('says a request errored when its answer is a 5xx, and logs one a client left before it was answered', () => {
    const { logger, lines } = captured('info');
    const failed = through(logger);
    failed.response.statusCode = 503;
    failed.response.emit('finish');
    const left = through(logger);
    left.response.emit('close');
    expect(lines.map((line) => line['msg'])).toEqual(['request errored', 'request completed']);
    expect(lines.map((line) => line['correlationId'])).toEqual([failed.request.id, left.request.id]);
  });

  it('writes no line for an answer below its level, yet a warning inside the request still names it', () => {
    const { logger, lines } = captured('warn');
    const { request, response } = through(logger, { 'x-correlation-id': 'c-2' });
    request.log.warn('something to look at');
    response.emit('finish');
    expect(lines).toEqual([expect.objectContaining({ level: 40, correlationId: 'c-2', msg: 'something to look at' })]);
  });
});
