import { RecordedEvent } from '@coachline/domain';
import { projectionFor, selectedStreams, ViewSelection } from '../commands/view-selection';
import { LineError } from '../event-file/line-error';
import { MAX_LINE_ERRORS } from '../event-file/line-error-limit';
import { readEventLine } from '../event-file/parse-event-line';
import { readEventLineBatches } from '../event-file/read-event-lines';
import type { Progress } from '../output/progress';
import { guessedType } from './line-type';

/**
 * The two shares of a file's lines in a replay on two threads: `read`, the lines whose type the
 * view reads (or whose type cannot be guessed), parsed, validated and folded by the main thread;
 * `unread`, the others, validated by the checking thread. Each line is parsed once.
 */
export type Share = 'read' | 'unread';

export interface ShareOptions extends ViewSelection {
  readonly events: string;
}

/** A line of the share that was refused: where it is among the file's lines (not blank), and why. */
export interface RefusedLine {
  /** 1-based count of the lines (not blank) up to this one. */
  readonly ordinal: number;
  readonly errors: ReadonlyArray<LineError>;
}

export interface ShareChecked {
  /** The file's lines (not blank): all of them, unless the share stopped early. */
  readonly count: number;
  /** The share's refused lines, in file order, until the share holds enough errors to stop. */
  readonly refused: ReadonlyArray<RefusedLine>;
  /** The selected streams the share's events belong to. */
  readonly seen: ReadonlyArray<string>;
  /** A line guessed unread held an event the view reads: the shares are wrong and cannot be used. */
  readonly misread: boolean;
}

interface Fold {
  push(event: RecordedEvent): void;
}

/**
 * Reads the whole file and checks the lines of one share exactly as a one-thread replay checks
 * every line (the same errors, the same upcasts), folding each accepted event into `fold` in
 * file order until a line is refused. A share with enough errors of its own to stop a replay
 * checks no further: the replay stops at that line or before it.
 */
export const checkShare = async (
  options: ShareOptions,
  share: Share,
  fold: Fold,
  progress?: Progress,
): Promise<ShareChecked> => {
  const read = new Set(projectionFor(options).eventTypes);
  const named = new Set(selectedStreams(options));
  const seen = new Set<string>();
  const refused: RefusedLine[] = [];
  let errors: LineError[] = [];
  let errorCount = 0;
  let count = 0;
  let misread = false;
  const batches = readEventLineBatches(options.events);
  try {
    reading: for (let next = await batches.next(); !next.done; next = await batches.next()) {
      const lines = next.value;
      for (let i = 0; i < lines.length; i++) {
        count++;
        progress?.tick(count);
        if (errorCount >= MAX_LINE_ERRORS) {
          // The main thread counts the file to its end: a stopped replay says how much was left.
          if (share === 'unread') break reading;
          continue;
        }
        const line = lines[i]!;
        const type = guessedType(line.text);
        if ((type === undefined || read.has(type)) !== (share === 'read')) continue;
        const event = readEventLine(line, errors);
        if (event === undefined) {
          refused.push({ ordinal: count, errors });
          errorCount += errors.length;
          errors = [];
        } else if (errorCount === 0) {
          if (share === 'unread' && read.has(event.type)) {
            misread = true;
            break reading;
          }
          fold.push(event);
          if (named.size > 0 && named.has(event.stream)) seen.add(event.stream);
        }
      }
    }
  } finally {
    await batches.return(undefined);
  }
  return { count, refused, seen: [...seen], misread };
};
