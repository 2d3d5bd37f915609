import { DomainError } from '@coachline/domain';

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

/** `events.jsonl:14: data.durationMinutes: expected …` — the format auditors grep for. */
export const formatLineError = (file: string, error: LineError): string => `${file}:${error.line}: ${error.path}: ${error.message}`;
