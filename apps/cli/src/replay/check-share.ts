import { RecordedEvent } from '@coachline/domain';
import { projectionFor, selectedStreams, ViewSelection } from '../commands/view-selection';
import { LineError } from '../event-file/line-error';
import { MAX_LINE_ERRORS } from '../event-file/line-error-limit';
import { readEventLine } from '../event-file/parse-event-line';
import { readEventLineSpans, textOfSpan } from '../event-file/read-event-lines';
import { handedBalance } from './handed-balance';
import { lineShares } from './line-shares';
import { typeGuesser } from './line-type';
import { MainBatch, mainBatchWriter } from './main-batch';
import { isSessionEvent } from './session-records';

export interface ShareOptions extends ViewSelection {
  readonly events: string;
  /** Eighths of the lines of a handable type the checking thread takes, always; unless given, found as it runs. */
  readonly handedEighths?: number;
}

/** A line of the share that was refused: where it is among the file's lines (not blank), and why. */
export interface RefusedLine {
  /** 1-based count of the lines (not blank) up to this one. */
  readonly ordinal: number;
  readonly errors: ReadonlyArray<LineError>;
}

export interface ShareChecked {
  /** The share's refused lines, in file order, until the share holds enough errors to stop. */
  readonly refused: ReadonlyArray<RefusedLine>;
  /** The selected streams the share's events belong to. */
  readonly seen: ReadonlyArray<string>;
}

export interface CheckingShareChecked extends ShareChecked {
  /** The file's lines (not blank): all of them, unless a wrongly guessed line stopped the check. */
  readonly count: number;
  /** A line guessed unread, or handed, held an event of another share: the shares are wrong and cannot be used. */
  readonly misread: boolean;
}

interface Fold {
  push(event: RecordedEvent): void;
}

/** Refused lines and their errors, gathered as a one-thread replay gathers them. */
export const refusals = () => {
  const refused: RefusedLine[] = [];
  let errors: LineError[] = [];
  let count = 0;
  return {
    refused,
    /** Errors taken so far: enough to stop a replay at `MAX_LINE_ERRORS`. */
    get count(): number {
      return count;
    },
    /** The event of a line, or undefined with the line noted as refused. */
    read(line: Parameters<typeof readEventLine>[0], ordinal: number): RecordedEvent | undefined {
      const event = readEventLine(line, errors);
      if (event !== undefined) return event;
      refused.push({ ordinal, errors });
      count += errors.length;
      errors = [];
      return undefined;
    },
  };
};

/**
 * The checking thread's work. It reads the whole file, and for each line (not blank), in file
 * order: hands the main thread a `read` line as it is; parses and validates a `handed` line
 * exactly as a one-thread replay checks it (the same errors, the same upcasts) and hands the main
 * thread a record of its event; parses and validates an `unread` line the same way, folding its
 * event into `clock` until a line is refused. `hand` takes what is for the main thread a chunk of
 * the file at a time. Once this share holds enough errors to stop a replay, it checks and hands
 * no more and counts the rest of the file: the replay stops at that line or before it. `taken`
 * counts the batches the main thread has taken, by which the share it hands over is balanced.
 */
export const checkShares = async (
  options: ShareOptions,
  hand: (batch: MainBatch) => void,
  clock: Fold,
  taken?: Int32Array,
): Promise<CheckingShareChecked> => {
  const balance = handedBalance(options.handedEighths, taken);
  const shares = lineShares(projectionFor(options), balance.eighths);
  const guessedType = typeGuesser();
  const named = new Set(selectedStreams(options));
  const seen = new Set<string>();
  const checked = refusals();
  const forMain = mainBatchWriter();
  let count = 0;
  let misread = false;
  const batches = readEventLineSpans(options.events);
  try {
    reading: for (let next = await batches.next(); !next.done; next = await batches.next()) {
      const lines = next.value;
      if (checked.count >= MAX_LINE_ERRORS) {
        count += lines.length;
        continue;
      }
      for (let i = 0; i < lines.length; i++) {
        count++;
        if (checked.count >= MAX_LINE_ERRORS) continue;
        const span = lines[i]!;
        const share = shares.shareOf(guessedType(span));
        if (share === 'read') {
          forMain.line(span, count);
          continue;
        }
        const event = checked.read(textOfSpan(span), count);
        if (share === 'handed') {
          if (event === undefined) forMain.refused();
          else if (isSessionEvent(event)) forMain.record(event);
          else {
            misread = true;
            break reading;
          }
          continue;
        }
        if (event === undefined) continue;
        if (shares.read.has(event.type)) {
          misread = true;
          break reading;
        }
        if (checked.count === 0) {
          clock.push(event);
          if (named.size > 0 && named.has(event.stream)) seen.add(event.stream);
        }
      }
      hand(forMain.take(count));
      balance.posted();
      shares.handedEighths = balance.eighths;
    }
  } finally {
    await batches.return(undefined);
  }
  return { count, refused: checked.refused, seen: [...seen], misread };
};
