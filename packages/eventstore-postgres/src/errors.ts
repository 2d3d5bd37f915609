import { describe } from './sql-client';

/**
 * The connection broke while the append was committing: its events may or may not be stored. It is
 * never retried blindly (that could store them twice); read the stream to learn what happened.
 */
export class AppendOutcomeUnknownError extends Error {
  override readonly name = 'AppendOutcomeUnknownError';
  constructor(
    readonly stream: string,
    override readonly cause: unknown,
  ) {
    super(`The append to ${stream} may or may not have been stored: ${describe(cause)}`);
  }
}

const UNIQUE_VIOLATION = '23505';

/** The id an `events_id` unique violation names, when the error is one (an insert's, or the index build's). */
export const duplicateEventId = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint, detail } = error as { code?: unknown; constraint?: unknown; detail?: unknown };
  if (code !== UNIQUE_VIOLATION || constraint !== 'events_id') return undefined;
  const match =
    typeof detail === 'string' ? /^Key \(id\)=\((.*)\) (?:already exists|is duplicated)\.?$/s.exec(detail) : null;
  return match?.[1] ?? '';
};
