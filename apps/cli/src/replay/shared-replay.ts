import { AnyProjection, startFold } from '@coachline/projections';
import { FailureError } from '../commands/usage-error';
import { requireSelected } from '../commands/view-selection';
import { noEvents } from '../event-file/event-file-check';
import { formatLineError, LineError } from '../event-file/line-error';
import { MAX_LINE_ERRORS, stoppedAfter } from '../event-file/line-error-limit';
import type { Progress } from '../output/progress';
import { RefusedLine, ShareOptions } from './check-share';
import type { CheckingThread } from './checking-thread';
import { foldMainShare } from './main-share';

type FoldResult = ReturnType<ReturnType<typeof startFold>['result']>;

/**
 * A replay's fold with its lines shared with a checking thread: this thread parses, validates
 * and folds a share of the lines the view reads, and folds the events of the others as the
 * checking thread hands them over; that thread validates the rest. The fold's result; a
 * FailureError with the report a one-thread replay gives; or undefined when the shares turn out
 * wrong (a line guessed unread or handed held an event of another share), and the replay must be
 * made again.
 */
export const foldShared = async (
  options: ShareOptions,
  projection: AnyProjection,
  check: CheckingThread,
  progress: Progress,
): Promise<FoldResult | undefined> => {
  // Awaited below; until then a failed thread must not count as an unhandled rejection.
  check.checked.catch(() => undefined);
  const fold = startFold(projection, options.asOf === undefined ? {} : { asOf: options.asOf });
  const mine = await foldMainShare(options, check.batches, fold, progress);
  const theirs = await check.checked;
  if (theirs.misread) return undefined;
  const failure = failureOf(options.events, theirs.count, merged(mine.refused, theirs.refused));
  if (failure !== undefined) throw failure;
  if (theirs.count === 0) throw noEvents(options.events, 'the file holds only blank lines');
  const seen = new Set([...mine.seen, ...theirs.seen]);
  await requireSelected(options, (stream) => seen.has(stream));
  const folded = fold.result();
  const latestRecordedAt = later(folded.latestRecordedAt, theirs.latestRecordedAt);
  return latestRecordedAt === undefined ? folded : { ...folded, latestRecordedAt };
};

/** The refused lines of both shares in file order (no line is in both). */
const merged = (a: ReadonlyArray<RefusedLine>, b: ReadonlyArray<RefusedLine>): RefusedLine[] =>
  [...a, ...b].sort((x, y) => x.ordinal - y.ordinal);

/**
 * What a one-thread replay reports of these refused lines, reading in file order: stopped at
 * the line where the errors reach the limit when lines are left after it, or every error.
 */
const failureOf = (file: string, count: number, refused: ReadonlyArray<RefusedLine>): FailureError | undefined => {
  const errors: LineError[] = [];
  for (const { ordinal, errors: ofLine } of refused) {
    errors.push(...ofLine);
    if (errors.length >= MAX_LINE_ERRORS && count > ordinal) return stoppedAfter(file, errors, count - ordinal);
  }
  if (errors.length === 0) return undefined;
  return new FailureError(
    [...errors.map((e) => formatLineError(file, e)), `${errors.length} error(s); no view was computed`].join('\n'),
  );
};

/** The later of two instants (validated, so both parse); either when they are the same instant. */
const later = (a: string | undefined, b: string | undefined): string | undefined =>
  a === undefined ? b : b === undefined ? a : Date.parse(b) > Date.parse(a) ? b : a;
