import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';

export interface NumberedLine {
  /** 1-based, as editors and error messages count. */
  readonly number: number;
  readonly text: string;
  /** Why the line's bytes could not be read as text at all (the text is then empty). */
  readonly unreadable?: string;
}

export interface ReadOptions {
  /** Lines longer than this are reported, not held in memory. */
  readonly maxLineBytes?: number;
  /**
   * Given the file's checkpoint line (`{"checkpoint":…}`, docs/event-file.md) once the file is
   * read to its end: it is no event, so it is never among the lines read.
   */
  readonly onCheckpoint?: (line: NumberedLine) => void;
}

/**
 * How an export writes its closing checkpoint line. Only that line of the file may be one: a
 * checkpoint anywhere before the last line would sign a history with events after it unsigned.
 */
export const CHECKPOINT_LINE_START = Buffer.from('{"checkpoint":');

export const MISPLACED_CHECKPOINT = 'a checkpoint line may only be the last line of an event file';

/**
 * No event comes near this (texts hold at most 10,000 characters); a longer line is a broken
 * or hostile file, and is refused without being held whole in memory.
 */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Byte order marks of the encodings an event file is sometimes saved in by mistake. */
const FOREIGN_BOMS: ReadonlyArray<readonly [string, Buffer]> = [
  ['UTF-32 (little-endian)', Buffer.from([0xff, 0xfe, 0x00, 0x00])],
  ['UTF-32 (big-endian)', Buffer.from([0x00, 0x00, 0xfe, 0xff])],
  ['UTF-16 (little-endian)', Buffer.from([0xff, 0xfe])],
  ['UTF-16 (big-endian)', Buffer.from([0xfe, 0xff])],
];

const foreignEncoding = (head: Buffer): string | undefined =>
  FOREIGN_BOMS.find(([, bom]) => head.subarray(0, bom.length).equals(bom))?.[0];

/**
 * The non-blank lines of a JSON Lines file, numbered, streamed so memory stays flat. Lines are
 * cut on the bytes of each chunk (a newline byte never occurs inside a UTF-8 character), which
 * is markedly faster than readline's string splitting on million-line histories. Bytes that
 * are not UTF-8 are reported, never replaced: a silent U+FFFD would change the history.
 */
export async function* readEventLines(file: string, options: ReadOptions = {}): AsyncGenerator<NumberedLine> {
  for await (const batch of readEventLineBatches(file, options)) yield* batch;
}

/**
 * `readEventLines` a chunk of the file at a time: the lines each read of the file completes, in
 * order. A replay takes its million lines this way, with one wait per chunk rather than per line.
 */
export const readEventLineBatches = (
  file: string,
  options: ReadOptions = {},
): AsyncGenerator<ReadonlyArray<NumberedLine>> => lineBatches(file, options, textLine, unreadableLine, (line) => line);

/**
 * A line of the file as the bytes it was read in, not yet decoded: for a reader that decodes
 * only some lines, or hands them to another thread as bytes. Its text is
 * `bytes.toString('utf8', start, stop)`, unless it is unreadable.
 */
export interface LineSpan {
  readonly number: number;
  readonly bytes: Buffer;
  readonly start: number;
  readonly stop: number;
  /** Why the line's bytes could not be read as text at all (its span is then empty). */
  readonly unreadable?: string;
}

/** `readEventLineBatches` with each line left as its bytes: the same lines, numbered alike. */
export const readEventLineSpans = (file: string, options: ReadOptions = {}): AsyncGenerator<ReadonlyArray<LineSpan>> =>
  lineBatches(file, options, spanLine, unreadableSpan, textOfSpan);

/** The text of a line span. */
export const textOfSpan = (span: LineSpan): NumberedLine =>
  span.unreadable === undefined
    ? { number: span.number, text: span.bytes.toString('utf8', span.start, span.stop) }
    : { number: span.number, text: '', unreadable: span.unreadable };

/** A line made of bytes known to be UTF-8, or undefined when it is blank. */
type LineOf<L> = (bytes: Buffer, start: number, stop: number, number: number) => L | undefined;
type UnreadableOf<L> = (number: number, why: string) => L;

const textLine: LineOf<NumberedLine> = (bytes, start, stop, number) => {
  const text = bytes.toString('utf8', start, stop);
  return text.trim() === '' ? undefined : { number, text };
};

const unreadableLine: UnreadableOf<NumberedLine> = (number, unreadable) => ({ number, text: '', unreadable });

const SPACE = 0x20;
const TAB = 0x09;
const SHIFT_OUT = 0x0e;
const FIRST_NON_ASCII = 0x80;

/**
 * Blank as `String.prototype.trim` has it, decoding only a line that starts with a space or a
 * byte outside ASCII: a line starting with any other ASCII character is not blank.
 */
const spanLine: LineOf<LineSpan> = (bytes, start, stop, number) => {
  const first = start < stop ? bytes[start]! : SPACE;
  const surelyText = first !== SPACE && (first < TAB || first >= SHIFT_OUT) && first < FIRST_NON_ASCII;
  if (!surelyText && bytes.toString('utf8', start, stop).trim() === '') return undefined;
  return { number, bytes, start, stop };
};

const EMPTY = Buffer.alloc(0);

const unreadableSpan: UnreadableOf<LineSpan> = (number, unreadable) => ({
  number,
  bytes: EMPTY,
  start: 0,
  stop: 0,
  unreadable,
});

const startsCheckpoint = (bytes: Buffer, start: number, stop: number): boolean =>
  stop - start >= CHECKPOINT_LINE_START.length &&
  bytes.compare(CHECKPOINT_LINE_START, 0, CHECKPOINT_LINE_START.length, start, start + CHECKPOINT_LINE_START.length) ===
    0;

async function* lineBatches<L>(
  file: string,
  options: ReadOptions,
  lineOfBytes: LineOf<L>,
  unreadableOf: UnreadableOf<L>,
  textOf: (line: L) => NumberedLine,
): AsyncGenerator<ReadonlyArray<L>> {
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  let number = 0;
  let carry: Buffer | undefined;
  let first = true;
  // Bytes of an over-long line already dropped; the line is reported when its end is found.
  let skipped = 0;
  // A checkpoint line is held back until the file is known to end with it.
  let checkpoint: L | undefined;

  const lineOf = (bytes: Buffer, start: number, stop: number, knownUtf8: boolean): L | undefined => {
    if (skipped > 0) {
      const length = skipped + (stop - start);
      skipped = 0;
      return unreadableOf(number, `the line is ${length} bytes long, more than the ${maxLineBytes} an event may take`);
    }
    if (!knownUtf8 && !isUtf8(bytes.subarray(start, stop))) return unreadableOf(number, 'the line is not valid UTF-8');
    return lineOfBytes(bytes, start, stop, number);
  };

  /** Adds a line to `batch`, first refusing a checkpoint line held back, now known not to be the last. */
  const push = (batch: L[], line: L | undefined, bytes: Buffer, start: number, stop: number): void => {
    if (line === undefined) return;
    if (checkpoint !== undefined) {
      batch.push(unreadableOf(textOf(checkpoint).number, MISPLACED_CHECKPOINT));
      checkpoint = undefined;
    }
    if (startsCheckpoint(bytes, start, stop) && textOf(line).unreadable === undefined) checkpoint = line;
    else batch.push(line);
  };

  /**
   * Cuts the complete lines of `bytes` from `from` into `batch`, and gives where the incomplete
   * rest starts. Whole lines cut from valid UTF-8 at newline bytes are valid UTF-8 each: one check
   * of them all spares one per line, and only bytes that fail it are checked line by line.
   */
  const cutLines = (bytes: Buffer, from: number, batch: L[]): number => {
    const lastNewline = bytes.lastIndexOf(NEWLINE);
    if (lastNewline < from) return from;
    const knownUtf8 = isUtf8(bytes.subarray(from, lastNewline));
    let start = from;
    for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      number++;
      const stop = end > start && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
      push(batch, lineOf(bytes, start, stop, knownUtf8), bytes, start, stop);
      start = end + 1;
    }
    return start;
  };

  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let bytes = chunk;
    if (first) {
      first = false;
      const encoding = foreignEncoding(bytes);
      if (encoding) {
        yield [unreadableOf(1, `the file is ${encoding}; event files are UTF-8`)];
        return;
      }
      // Editors on Windows start UTF-8 files with a byte order mark; it is not part of the first event.
      if (bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
    }
    const batch: L[] = [];
    const firstNewline = bytes.indexOf(NEWLINE);
    if (carry && firstNewline === -1) carry = Buffer.concat([carry, bytes]);
    else {
      // Only the line that spans two reads is copied whole; the rest is cut where it was read.
      if (carry) cutLines(Buffer.concat([carry, bytes.subarray(0, firstNewline + 1)]), 0, batch);
      const rest = cutLines(bytes, carry ? firstNewline + 1 : 0, batch);
      carry = rest < bytes.length ? bytes.subarray(rest) : undefined;
    }
    if (batch.length > 0) yield batch;
    if (carry && skipped + carry.length > maxLineBytes) {
      skipped += carry.length;
      carry = undefined;
    }
  }
  if (carry || skipped > 0) {
    number++;
    const bytes = carry ?? Buffer.alloc(0);
    const batch: L[] = [];
    push(batch, lineOf(bytes, 0, bytes.length, false), bytes, 0, bytes.length);
    if (batch.length > 0) yield batch;
  }
  if (checkpoint !== undefined) options.onCheckpoint?.(textOf(checkpoint));
}

/** The lines after `index` in `batch`, then those of every batch still to come. */
export async function* linesAfter(
  batch: ReadonlyArray<NumberedLine>,
  index: number,
  batches: AsyncIterator<ReadonlyArray<NumberedLine>>,
): AsyncGenerator<NumberedLine> {
  yield* batch.slice(index + 1);
  for (let next = await batches.next(); !next.done; next = await batches.next()) yield* next.value;
}
