import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AccessLogUnavailableError } from '../access-log/access-log';
import { AccountRegisterUnavailableError } from '../auth/accounts/account-entries';
import { TokenRegisterUnavailableError } from '../auth/token-register';
import { SignedHistoryUnavailableError } from '../checkpoints/signed-history';
import { ViewUnavailableError } from '../queries/view-unavailable';
import { ApiException, ErrorBody } from './api-error';
import type { ApiRequest } from './api-request';
import { safeErrorBody } from './error-text';
import { isStoreConnectionError } from './store-unavailable';

const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'malformed-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

/** Errors body-parser and express raise about the request itself carry a 4xx status and `expose`. */
const isClientError = (error: unknown): error is { status: number; message: string; type?: string } => {
  const e = error as { status?: unknown; expose?: unknown };
  return typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true;
};

const answerOf = (error: unknown): { status: number; body: ErrorBody; headers?: Readonly<Record<string, string>> } => {
  if (error instanceof ApiException) return { status: error.status, body: error.body, headers: error.headers };
  if (error instanceof ViewUnavailableError)
    return {
      status: 503,
      body: { code: error.code, message: error.message, errors: [] },
      headers: { 'Retry-After': '1' },
    };
  if (error instanceof SignedHistoryUnavailableError)
    return {
      status: 503,
      body: { code: 'checkpoints-unavailable', message: error.message, errors: [] },
      headers: { 'Retry-After': '1' },
    };
  if (error instanceof AccessLogUnavailableError)
    return {
      status: 503,
      body: { code: 'access-log-unavailable', message: error.message, errors: [] },
      headers: { 'Retry-After': '1' },
    };
  if (error instanceof TokenRegisterUnavailableError)
    return {
      status: 503,
      body: { code: 'token-register-unavailable', message: error.message, errors: [] },
      headers: { 'Retry-After': '1' },
    };
  if (error instanceof AccountRegisterUnavailableError)
    return {
      status: 503,
      body: { code: 'account-register-unavailable', message: error.message, errors: [] },
      headers: { 'Retry-After': '1' },
    };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Nest turns body-parser's SyntaxError into a plain 400; its message is the parser's.
    if (status === 400 && /JSON/.test(error.message))
      return {
        status,
        body: {
          code: 'malformed-json',
          message: `The body is not valid JSON: ${error.message}`,
          errors: [{ path: 'body', message: error.message }],
        },
      };
    const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal-error' : 'malformed-request');
    return { status, body: { code, message: error.message, errors: [] } };
  }
  if (isClientError(error)) {
    const code = error.type ? error.type.replace(/\./g, '-') : (CODE_OF_STATUS[error.status] ?? 'malformed-request');
    return { status: error.status, body: { code, message: error.message, errors: [] } };
  }
  // A connection cut mid-request is not a fault of the request: the client may send it again.
  if (isStoreConnectionError(error))
    return {
      status: 503,
      body: {
        code: 'store-unavailable',
        message:
          'The connection to the event store was lost; send the request again (a command with the same Idempotency-Key).',
        errors: [],
      },
      headers: { 'Retry-After': '1' },
    };
  return {
    status: 500,
    body: { code: 'internal-error', message: 'Something went wrong on our side; it has been logged.', errors: [] },
  };
};

/** Every answer that is not a success has the same JSON shape, whatever raised it. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const { status, body, headers } = answerOf(error);
    if (status >= 500) {
      // Absent only if the failure came before the request log gave the request its id.
      const correlationId = http.getRequest<Partial<ApiRequest>>().id;
      this.logger.error({ err: error, code: body.code, correlationId }, (error as Error)?.message ?? String(error));
    }
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
    // A route that declares its own type (a page, a file) may have set it before it was refused.
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.status(status).json(safeErrorBody(body));
  }
}
