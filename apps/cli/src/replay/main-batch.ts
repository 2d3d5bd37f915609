import type { RecordedEvent } from '@coachline/domain';
import type { LineSpan, NumberedLine } from '../event-file/read-event-lines';
import { sessionRecordReader, sessionRecordWriter, SessionRecords, transferablesOf } from './session-records';

/**
 * What the checking thread hands the main thread for a chunk of the file, in file order: the
 * lines the main thread parses, validates and folds itself, and the records of the lines the
 * checking thread parsed and validated for it. Texts and numbers by column, so that the
 * structured clone between the threads copies arrays rather than an object a line.
 */
export interface MainBatch {
  /** Per item, in file order: `LINE` (the next of the lines) or `RECORD` (the next of the records). */
  readonly items: Uint8Array;
  /** The lines' bytes, one after another, as read (UTF-8, checked). */
  readonly bytes: Uint8Array;
  /** Where each line's bytes end in `bytes` (each starts where the last ended). */
  readonly ends: Float64Array;
  /** The lines' numbers in the file. */
  readonly numbers: Float64Array;
  /** The lines' places among the file's lines (not blank), from 1. */
  readonly ordinals: Float64Array;
  /** The lines whose bytes could not be read as text, by their index among the lines: why. */
  readonly unreadable: ReadonlyArray<readonly [index: number, why: string]>;
  readonly records: SessionRecords;
  /** The file's lines (not blank) up to the end of this batch. */
  readonly through: number;
}

const LINE = 0;
const RECORD = 1;

/** The checking thread's side: lines and records added in file order, taken a batch at a time. */
export const mainBatchWriter = () => {
  const records = sessionRecordWriter();
  let items: number[] = [];
  let spans: LineSpan[] = [];
  let numbers: number[] = [];
  let ordinals: number[] = [];
  let unreadable: Array<readonly [number, string]> = [];
  return {
    /** A line for the main thread, the `ordinal`th of the file. */
    line(span: LineSpan, ordinal: number): void {
      if (span.unreadable !== undefined) unreadable.push([spans.length, span.unreadable]);
      items.push(LINE);
      spans.push(span);
      numbers.push(span.number);
      ordinals.push(ordinal);
    },
    /** The event of a line checked here, for the main thread to fold. */
    record(event: RecordedEvent): void {
      items.push(RECORD);
      records.add(event);
    },
    /** A line checked here and refused: the main thread folds nothing for it. */
    refused(): void {
      items.push(RECORD);
      records.refused();
    },
    /** The lines and records added since the last batch, with the file's line count so far. */
    take(through: number): MainBatch {
      const batch = {
        items: Uint8Array.from(items),
        ...bytesOf(spans),
        numbers: Float64Array.from(numbers),
        ordinals: Float64Array.from(ordinals),
        unreadable,
        records: records.take(),
        through,
      };
      items = [];
      spans = [];
      numbers = [];
      ordinals = [];
      unreadable = [];
      return batch;
    },
  };
};

/** The bytes of the lines copied one after another into memory of their own, which a thread can be given. */
const bytesOf = (spans: ReadonlyArray<LineSpan>): { bytes: Uint8Array; ends: Float64Array } => {
  let length = 0;
  for (const span of spans) length += span.stop - span.start;
  const bytes = Buffer.allocUnsafeSlow(length);
  const ends = new Float64Array(spans.length);
  let end = 0;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    end += span.bytes.copy(bytes, end, span.start, span.stop);
    ends[i] = end;
  }
  return { bytes, ends };
};

/** What a batch's arrays are held in, handed over between threads rather than copied. */
export const mainBatchTransferables = (batch: MainBatch): ArrayBuffer[] => [
  batch.items.buffer as ArrayBuffer,
  batch.bytes.buffer as ArrayBuffer,
  batch.ends.buffer as ArrayBuffer,
  batch.numbers.buffer as ArrayBuffer,
  batch.ordinals.buffer as ArrayBuffer,
  ...transferablesOf(batch.records),
];

/** The main thread's side: calls `onLine` or `onEvent` for each item of the batch, in order. */
export const eachItem = (
  batch: MainBatch,
  onLine: (line: NumberedLine, ordinal: number) => void,
  onEvent: (event: RecordedEvent | undefined) => void,
): void => {
  const records = sessionRecordReader(batch.records);
  const unreadable = new Map(batch.unreadable);
  // A Buffer sent to another thread arrives as a plain Uint8Array.
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  let line = 0;
  let start = 0;
  for (let i = 0; i < batch.items.length; i++) {
    if (batch.items[i] === RECORD) {
      onEvent(records.read());
      continue;
    }
    const why = unreadable.size === 0 ? undefined : unreadable.get(line);
    const number = batch.numbers[line]!;
    const end = batch.ends[line]!;
    onLine(
      why === undefined ? { number, text: bytes.toString('utf8', start, end) } : { number, text: '', unreadable: why },
      batch.ordinals[line]!,
    );
    start = end;
    line++;
  }
};
