import { startFold } from '@coachline/projections';
import { FailureError } from '../commands/usage-error';
import { projectionFor, requireSelected, selectedStreams, ViewSelection } from '../commands/view-selection';
import { noEvents } from '../event-file/event-file-check';
import { formatLineError, LineError } from '../event-file/line-error';
import { stoppedReading, tooManyErrors } from '../event-file/line-error-limit';
import { eventOfJson, jsonInto } from '../event-file/parse-event-line';
import { linesAfter, readEventLineBatches } from '../event-file/read-event-lines';

/** The line's JSON is its event as it stands: fold it as parsed. */
export const AS_PARSED = 0;
/** The line holds a valid event that decoding changes (an older schema version, upcast): decode it again. */
export const DECODED = 1;
/** The line holds a valid event of a type the view does not read: the fold need not parse it. */
export const UNREAD = 2;
/** The line is refused, or comes after one that was: nothing from here on reaches the view. */
export const REFUSED = 3;

/**
 * What checking the file tells the fold: a verdict per non-blank line, in file order, batch by
 * batch; then, once, how the replay ends short of its view.
 */
export type VerdictMessage =
  { readonly kind: 'lines'; readonly verdicts: Uint8Array } | { readonly kind: 'end'; readonly ending: CheckedEnding };

export interface CheckedEnding {
  /** Why no view is computed, as the command reports it; none when the file is good. */
  readonly failure?: string;
  /** The latest `recordedAt` of every event counted (as of the moment asked), which the view is rendered as of. */
  readonly latestRecordedAt?: string;
}

export interface CheckOptions extends ViewSelection {
  readonly events: string;
}

/**
 * Reads and validates every line of the file exactly as a one-thread replay does (the same
 * errors, the same stop after 20 of them, the same upcasts), and gives the verdicts the fold
 * needs to take the lines it reads without checking them again, and to pass over the others
 * without parsing them.
 */
export async function* checkEventFile(options: CheckOptions): AsyncGenerator<VerdictMessage> {
  const projection = projectionFor(options);
  const read = new Set(projection.eventTypes);
  // A fold routing no event type keeps the latest instant, and the as-of rule, exactly as the view's fold would.
  const clock = startFold({ ...projection, eventTypes: [] }, options.asOf === undefined ? {} : { asOf: options.asOf });
  const errors: LineError[] = [];
  const named = new Set(selectedStreams(options));
  const seen = new Set<string>();
  let count = 0;
  const batches = readEventLineBatches(options.events);
  for (let next = await batches.next(); !next.done; next = await batches.next()) {
    const lines = next.value;
    const verdicts = new Uint8Array(lines.length).fill(REFUSED);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const before = errors.length;
      const json = jsonInto(line, errors);
      const event = errors.length > before ? undefined : eventOfJson(line.number, json, errors);
      if (event !== undefined && errors.length === 0) {
        verdicts[i] = !read.has(event.type) ? UNREAD : event === json ? AS_PARSED : DECODED;
        clock.push(event);
        if (named.size > 0 && named.has(event.stream)) seen.add(event.stream);
      }
      count++;
      if (tooManyErrors(errors)) {
        const stopped = await stoppedReading(options.events, errors, linesAfter(lines, i, batches));
        if (stopped) {
          yield { kind: 'lines', verdicts };
          yield { kind: 'end', ending: { failure: stopped.message } };
          return;
        }
      }
    }
    yield { kind: 'lines', verdicts };
  }
  yield { kind: 'end', ending: await endingOf(options, errors, count, seen, clock.result().latestRecordedAt) };
}

const endingOf = async (
  options: CheckOptions,
  errors: ReadonlyArray<LineError>,
  count: number,
  seen: ReadonlySet<string>,
  latestRecordedAt: string | undefined,
): Promise<CheckedEnding> => {
  if (errors.length > 0)
    return {
      failure: [
        ...errors.map((e) => formatLineError(options.events, e)),
        `${errors.length} error(s); no view was computed`,
      ].join('\n'),
    };
  if (count === 0) return { failure: noEvents(options.events, 'the file holds only blank lines').message };
  try {
    await requireSelected(options, (stream) => seen.has(stream));
  } catch (error) {
    if (error instanceof FailureError) return { failure: error.message };
    throw error;
  }
  return latestRecordedAt === undefined ? {} : { latestRecordedAt };
};
