import { AnyProjection, render, startFold } from '@coachline/projections';
import { noEvents } from '../event-file/event-file-check';
import { formatLineError, LineError } from '../event-file/line-error';
import { stoppedReading, tooManyErrors } from '../event-file/line-error-limit';
import { readEventLine } from '../event-file/parse-event-line';
import { linesAfter, readEventLineBatches } from '../event-file/read-event-lines';
import { formatProjectionView, Format } from '../output/format-view';
import { CheckingThread, checksInOwnThread, startCheckingThread } from '../replay/checking-thread';
import { foldShared } from '../replay/shared-replay';
import { progressOnStderr } from '../output/progress';
import { ensureReadable } from './options';
import { FailureError } from './usage-error';
import { projectionFor, requireSelected, selectedStreams, ViewSelection } from './view-selection';

export interface ReplayOptions extends ViewSelection {
  readonly events: string;
  readonly format: Format;
}

/** A view replayed from a file, and the projection it is a view of. */
export interface Replayed {
  readonly projection: AnyProjection;
  readonly view: unknown;
}

/**
 * `coachline replay --events FILE --view NAME`: every event decoded and validated, folded
 * into the view as of the moment asked; a file with any bad line gives no view at all.
 */
export const replayCommand = async (options: ReplayOptions, out: NodeJS.WritableStream): Promise<void> => {
  const { projection, view } = await replayedView(options);
  out.write(formatProjectionView(projection, view, options.format));
};

/** The view a replay prints, before it is formatted: for the commands that read a view further. */
export const replayedView = async (options: Omit<ReplayOptions, 'format'>): Promise<Replayed> => {
  await ensureReadable(options.events);
  return checksInOwnThread(options.events) ? viewOnTwoThreads(options) : viewOnOneThread(options);
};

const viewOnOneThread = async (options: Omit<ReplayOptions, 'format'>): Promise<Replayed> => {
  const projection = projectionFor(options);
  const fold = startFold(projection, options.asOf === undefined ? {} : { asOf: options.asOf });
  const errors: LineError[] = [];
  // Only the streams the selection names are looked out for: a set of every stream would hash
  // the stream of each of a million events.
  const named = new Set(selectedStreams(options));
  const seen = new Set<string>();
  const progress = progressOnStderr('replay');
  let count = 0;
  const batches = readEventLineBatches(options.events);
  for (let next = await batches.next(); !next.done; next = await batches.next()) {
    const lines = next.value;
    for (let i = 0; i < lines.length; i++) {
      const event = readEventLine(lines[i]!, errors);
      if (event !== undefined && errors.length === 0) {
        fold.push(event);
        if (named.size > 0 && named.has(event.stream)) seen.add(event.stream);
      }
      progress.tick(++count);
      if (tooManyErrors(errors)) {
        const stopped = await stoppedReading(options.events, errors, linesAfter(lines, i, batches));
        if (stopped) {
          progress.stop();
          throw stopped;
        }
      }
    }
  }
  progress.stop();
  if (errors.length > 0) {
    throw new FailureError(
      [
        ...errors.map((e) => formatLineError(options.events, e)),
        `${errors.length} error(s); no view was computed`,
      ].join('\n'),
    );
  }
  if (count === 0) throw noEvents(options.events, 'the file holds only blank lines');
  await requireSelected(options, (stream) => seen.has(stream));
  return { projection, view: render(projection, fold.result(), options) };
};

/**
 * The same replay with its lines shared between two threads, each line parsed and validated
 * once: this one folds the lines the view reads, a checking thread validates the others. The
 * output is the one-thread replay's, to the byte.
 */
const viewOnTwoThreads = (options: Omit<ReplayOptions, 'format'>): Promise<Replayed> =>
  sharedView(options, startCheckingThread(options));

/** A replay whose unread lines `check` validates. */
export const replayShared = async (
  options: ReplayOptions,
  out: NodeJS.WritableStream,
  check: CheckingThread,
): Promise<void> => {
  const { projection, view } = await sharedView(options, check);
  out.write(formatProjectionView(projection, view, options.format));
};

const sharedView = async (options: Omit<ReplayOptions, 'format'>, check: CheckingThread): Promise<Replayed> => {
  const projection = projectionFor(options);
  const progress = progressOnStderr('replay');
  const folded = await foldShared(options, projection, check, progress).finally(async () => {
    progress.stop();
    await check.stop();
  });
  // Shares guessed wrong (a hand-made line): the whole replay again, on one thread.
  if (folded === undefined) return viewOnOneThread(options);
  return { projection, view: render(projection, folded, options) };
};
