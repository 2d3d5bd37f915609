import { isUtf8 } from 'node:buffer';
import { NESTING_LIMIT, nestingDepth } from '@coachline/domain';
import type { NextFunction, Request, Response } from 'express';

/** An error the way body-parser raises them, so the exception filter answers it like theirs. */
const clientError = (status: number, type: string, message: string): Error =>
  Object.assign(new Error(message), { status, expose: true, type });

/**
 * Every body the API takes is JSON. A body of any other type would reach the commands as
 * nothing at all and be refused field by field; it is refused for what it is instead.
 */
export const jsonBodiesOnly = (request: Request, _response: Response, next: NextFunction): void => {
  const hasBody =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody && !request.is('application/json'))
    return next(
      clientError(
        415,
        'unsupported.media.type',
        `Bodies are JSON: send them as application/json, not ${request.headers['content-type'] ?? 'without a content type'}.`,
      ),
    );
  next();
};

/**
 * body-parser's `verify`: JSON travels as UTF-8 (RFC 8259), and bytes that are not UTF-8 would
 * otherwise become U+FFFD silently and be recorded so.
 */
export const utf8Only = (_request: unknown, _response: unknown, body: Buffer, encoding: string): void => {
  if (encoding.toLowerCase() !== 'utf-8')
    throw clientError(415, 'charset.unsupported', `Bodies are UTF-8 JSON, not ${encoding}.`);
  if (!isUtf8(body)) throw clientError(400, 'encoding.invalid', 'The body is not valid UTF-8.');
};

/** The deepest a body may nest arrays and objects: the domain's limit for everything it takes in. */
export const BODY_NESTING_LIMIT = NESTING_LIMIT;

/**
 * After the body is parsed and before any route sees it: a body nested past the limit is refused
 * whole. Every later walk of a body (the text checks, the codecs, the error messages that quote
 * a value) may then recurse, on at most this many levels.
 */
export const boundedNesting = (request: Request, _response: Response, next: NextFunction): void => {
  if (nestingDepth(request.body, BODY_NESTING_LIMIT) > BODY_NESTING_LIMIT)
    return next(
      clientError(
        400,
        'body.too.deep',
        `The body nests arrays and objects more than ${BODY_NESTING_LIMIT} levels deep.`,
      ),
    );
  next();
};
