import { DomainError, escapeUnsafe, EXCERPT_LIMIT, printableText } from '@coachline/domain';

/** One problem found on one line of an event file. */
export interface LineError {
  readonly line: number;
  readonly path: string;
  readonly message: string;
}

export const lineErrorsOf = (line: number, error: DomainError): LineError[] =>
  error.errors.length > 0
    ? error.errors.map((e) => ({ line, path: e.path, message: e.message }))
    : [{ line, path: '(event)', message: error.message }];

/**
 * `events.jsonl:14: data.durationMinutes: expected …` — the format auditors grep for. One
 * error is one line of plain text, however hostile the file: what it quotes is escaped and cut.
 */
export const formatLineError = (file: string, error: LineError): string =>
  // The file name comes from the command line, not the file: escaped, never cut.
  `${escapeUnsafe(file)}:${error.line}: ${printableText(error.path, EXCERPT_LIMIT)}: ${printableText(error.message)}`;
