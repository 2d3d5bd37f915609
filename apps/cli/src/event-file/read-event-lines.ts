import { createReadStream } from 'node:fs';

export interface NumberedLine {
  /** 1-based, as editors and error messages count. */
  readonly number: number;
  readonly text: string;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The non-blank lines of a JSON Lines file, numbered, streamed so memory stays flat. Lines are
 * cut on the bytes of each chunk (a newline byte never occurs inside a UTF-8 character), which
 * is markedly faster than readline's string splitting on million-line histories.
 */
export async function* readEventLines(file: string): AsyncGenerator<NumberedLine> {
  let number = 0;
  let carry: Buffer | undefined;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      number++;
      const stop = end > start && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
      const text = bytes.toString('utf8', start, stop);
      if (text.trim() !== '') yield { number, text };
      start = end + 1;
    }
    carry = start < bytes.length ? bytes.subarray(start) : undefined;
  }
  if (carry) {
    number++;
    const text = carry.toString('utf8');
    if (text.trim() !== '') yield { number, text };
  }
}
