import type { RecordedEvent } from '@coachline/domain';
import { asRecordedEvent } from '@coachline/views';
import { noEvents } from '../event-file/event-file-check';
import { formatLineError, LineError } from '../event-file/line-error';
import { stoppedReading, tooManyErrors } from '../event-file/line-error-limit';
import { readEventLine } from '../event-file/parse-event-line';
import { linesAfter, readEventLineBatches } from '../event-file/read-event-lines';
import { openStore } from '../store/open-store';
import { ensureReadable } from './options';
import { FailureError } from './usage-error';

/** Whatever folds a history's events in order: one view, or several in one pass. */
export interface HistoryFold {
  push(event: RecordedEvent): void;
}

/** Where a command reads its history from, and what it makes of it (for the refusal: "no report was made"). */
export interface HistorySource {
  /** `--events FILE`, or else `--store URL`. */
  readonly events?: string;
  readonly store?: string;
  readonly keyFile?: string;
}

/**
 * Every line of the file read and validated, each event folded in file order; a file with any
 * bad line folds nothing further and is refused with every error named, as `replay` refuses it.
 */
const foldFile = async (file: string, fold: HistoryFold, made: string): Promise<void> => {
  await ensureReadable(file);
  const errors: LineError[] = [];
  let count = 0;
  const batches = readEventLineBatches(file);
  for (let next = await batches.next(); !next.done; next = await batches.next()) {
    const lines = next.value;
    for (let i = 0; i < lines.length; i++) {
      const event = readEventLine(lines[i]!, errors);
      if (event !== undefined && errors.length === 0) fold.push(event);
      count++;
      if (tooManyErrors(errors)) {
        const stopped = await stoppedReading(file, errors, linesAfter(lines, i, batches));
        if (stopped) throw stopped;
      }
    }
  }
  if (errors.length > 0)
    throw new FailureError(
      [...errors.map((e) => formatLineError(file, e)), `${errors.length} error(s); no ${made} was made`].join('\n'),
    );
  if (count === 0) throw noEvents(file, 'the file holds only blank lines');
};

const foldStore = async (url: string | undefined, keyFile: string | undefined, fold: HistoryFold): Promise<void> => {
  const store = await openStore(url, keyFile === undefined ? {} : { keyFile });
  try {
    for await (const stored of store.readAll()) fold.push(asRecordedEvent(stored));
  } finally {
    await store.close();
  }
};

/** Folds the history a command names, from its file or else its store, in one pass. */
export const foldHistory = (source: HistorySource, fold: HistoryFold, made: string): Promise<void> =>
  source.events !== undefined ? foldFile(source.events, fold, made) : foldStore(source.store, source.keyFile, fold);
