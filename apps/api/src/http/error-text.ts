import { EXCERPT_LIMIT, MESSAGE_LIMIT, printableText } from '@coachline/domain';
import type { ErrorBody } from './api-error';

/**
 * Refusals quote what the client sent, and clients print refusals: an escape sequence in a
 * name would repaint an operator's terminal, a line separator forge a log line, a megabyte
 * field come back a megabyte long. Every string of an error answer is escaped and cut.
 */
export const ERROR_TEXT_LIMITS = {
  /** The most characters of any one quoted value. */
  excerpt: EXCERPT_LIMIT,
  /** The most characters of a code, path or message. */
  message: MESSAGE_LIMIT,
  /** The most field errors listed; one more entry says how many were left out. */
  errors: 20,
} as const;

/** Escaped, each quoted value and each long run cut to an excerpt, the whole cut to the message limit. */
export const safeErrorText = (text: string): string => printableText(text, ERROR_TEXT_LIMITS.message);

/** An error answer fit to print: every string safe, at most the limit of field errors. */
export const safeErrorBody = (body: ErrorBody): ErrorBody => {
  const listed = body.errors
    .slice(0, ERROR_TEXT_LIMITS.errors)
    .map((e) => ({ path: safeErrorText(e.path), message: safeErrorText(e.message) }));
  const left = body.errors.length - listed.length;
  return {
    code: safeErrorText(body.code),
    message: safeErrorText(body.message),
    errors: left > 0 ? [...listed, { path: '(more)', message: `${left} more error(s) not listed` }] : listed,
  };
};
