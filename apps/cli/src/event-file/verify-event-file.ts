import * as E from 'fp-ts/Either';
import { RecordedEvent } from '@coachline/domain';
import { fileChain, type FileChain, type WrittenEvent } from './chain-check';
import { historyRules } from './history-rules';
import { noEvents } from './event-file-check';
import { LineError } from './line-error';
import { stoppedReading, tooManyErrors } from './line-error-limit';
import { parseEventLine, parseEventLineAsWritten } from './parse-event-line';
import { readEventLines } from './read-event-lines';

export interface Verification {
  readonly events: number;
  readonly errors: ReadonlyArray<LineError>;
  /** Present when the chain was asked for. */
  readonly chain?: FileChain;
}

export interface FileVerificationOptions {
  /** Also check the hash chain an export writes on each line (`integrity`). */
  readonly chain?: boolean;
  /** A chain hash noted earlier that the file's chain must pass through. */
  readonly expectedHead?: string;
  /** Each event as written (what its hash and its leaf cover), in the file's order. */
  readonly onWritten?: (event: WrittenEvent, line: number) => Promise<void>;
  /** The checkpoint line the file ends with, if it ends with one. */
  readonly onCheckpoint?: (text: string) => void;
}

/**
 * Checks every line of an event file (shape, dates, ids, unknown types, duplicate ids and the
 * rules that need history) and reports every error found, not just the first, up to
 * `MAX_LINE_ERRORS`: past that it stops reading and fails with the errors found and the count of
 * lines left unread. A file holding no event at all fails too.
 */
export const verifyEventFile = async (
  file: string,
  onEvent?: (count: number) => void,
  options: FileVerificationOptions = {},
): Promise<Verification> => {
  const rules = historyRules();
  const chain = options.chain ? fileChain(options.expectedHead) : undefined;
  const errors: LineError[] = [];
  let events = 0;
  const { onWritten, onCheckpoint } = options;
  const lines = readEventLines(
    file,
    onCheckpoint === undefined ? {} : { onCheckpoint: (line) => onCheckpoint(line.text) },
  );
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = next.value;
    const parsed = parseEventLineAsWritten(line);
    if (E.isLeft(parsed)) errors.push(...parsed.left);
    else {
      errors.push(...rules.check(parsed.right.event, line.number));
      // The hash covers the event as written, before any upcast.
      const written = { ...parsed.right.event, ...parsed.right.written };
      chain?.check(written, line.number);
      await onWritten?.(written, line.number);
    }
    // Counted apart from the callback: `onEvent?.(++events)` would count nothing without one.
    events++;
    onEvent?.(events);
    if (tooManyErrors(errors)) {
      const stopped = await stoppedReading(file, errors, lines);
      if (stopped) throw stopped;
    }
  }
  if (events === 0) throw noEvents(file, 'the file holds only blank lines');
  return { events, errors, ...(chain !== undefined ? { chain: chain.result() } : {}) };
};

/** The events of a file already verified, decoded again as they stream past (memory stays flat). */
export async function* eventsOf(file: string): AsyncGenerator<RecordedEvent> {
  for await (const line of readEventLines(file)) {
    const parsed = parseEventLine(line);
    if (E.isLeft(parsed)) throw new Error(`${file}:${line.number}: changed while it was being read`);
    yield parsed.right;
  }
}
