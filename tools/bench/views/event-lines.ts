import { createReadStream } from 'node:fs';

/** The lines of a JSON Lines file, cut on bytes. */
export async function* readEventLines(file: string): AsyncGenerator<string> {
  let carry: Buffer | undefined;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
      if (end > start) yield bytes.toString('utf8', start, end);
      start = end + 1;
    }
    carry = start < bytes.length ? bytes.subarray(start) : undefined;
  }
  if (carry && carry.length > 0) yield carry.toString('utf8');
}
