import { escapeUnsafe } from '@coachline/domain';
import { FailureError } from '../commands/usage-error';
import { formatLineError, LineError } from './line-error';
import type { NumberedLine } from './read-event-lines';

/**
 * How many errors a command lists before it stops reading: a file that is not an event file at
 * all (a CSV, a log) would otherwise give one error per line, thousands of them.
 */
export const MAX_LINE_ERRORS = 20;

/** Whether the errors found so far are enough to stop. */
export const tooManyErrors = (errors: ReadonlyArray<LineError>): boolean => errors.length >= MAX_LINE_ERRORS;

/**
 * The first errors, then one line saying where reading stopped and how many lines (not blank)
 * were left unread; the rest of the file is counted, not parsed. Nothing when no line is left:
 * every error was found, and the command reports them as usual.
 */
export const stoppedReading = async (
  file: string,
  errors: ReadonlyArray<LineError>,
  rest: AsyncIterator<NumberedLine>,
): Promise<FailureError | undefined> => {
  let unread = 0;
  for (let next = await rest.next(); !next.done; next = await rest.next()) unread++;
  return unread === 0 ? undefined : stoppedAfter(file, errors, unread);
};

/** The report of a read stopped after its first errors, with `unread` lines (not blank) left. */
export const stoppedAfter = (file: string, errors: ReadonlyArray<LineError>, unread: number): FailureError => {
  const listed = errors.slice(0, MAX_LINE_ERRORS);
  const last = listed[listed.length - 1]?.line ?? 0;
  return new FailureError(
    [
      ...listed.map((e) => formatLineError(file, e)),
      `${escapeUnsafe(file)}: stopped after ${listed.length} errors at line ${last}; ${unread} more line(s) were not read`,
    ].join('\n'),
  );
};
