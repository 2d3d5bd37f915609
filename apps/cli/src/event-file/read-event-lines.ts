import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface NumberedLine {
  /** 1-based, as editors and error messages count. */
  readonly number: number;
  readonly text: string;
}

/** The non-blank lines of a JSON Lines file, numbered, streamed so memory stays flat. */
export async function* readEventLines(file: string): AsyncGenerator<NumberedLine> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number++;
    if (text.trim() !== '') yield { number, text };
  }
}
