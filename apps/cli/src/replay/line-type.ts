import type { LineSpan } from '../event-file/read-event-lines';

const TYPE_MEMBER = Buffer.from('"type":"');
const QUOTE = 0x22;

/**
 * The type each line of an event file names, from its bytes alone, without decoding the line:
 * the value of its first `"type":"…"`, as exported events write it, read as Latin-1 (a type
 * written in other characters is no type a view reads, whatever it decodes to). A guess, used
 * only to share the lines between the two threads of a replay: whichever thread takes a line
 * validates it whole, and a line guessed wrongly is found out (`checkShares`).
 *
 * Lines are given in file order. The search for the member runs on from the line's start into
 * the rest of its chunk; where it was found is kept, so that the lines before it, which hold
 * none, are not searched again: each chunk is searched once, however many lines lack the member.
 */
export const typeGuesser = () => {
  let searched: Buffer | undefined;
  /** The first member at or after the start of the last line searched (Infinity: none). */
  let next = Infinity;
  return (span: LineSpan): string | undefined => {
    if (span.unreadable !== undefined) return undefined;
    const { bytes, start, stop } = span;
    if (searched !== bytes || next < start) {
      const found = bytes.indexOf(TYPE_MEMBER, start);
      searched = bytes;
      next = found === -1 ? Infinity : found;
    }
    const valueStart = next + TYPE_MEMBER.length;
    if (valueStart > stop) return undefined;
    const end = bytes.indexOf(QUOTE, valueStart);
    return end === -1 || end > stop ? undefined : bytes.toString('latin1', valueStart, end);
  };
};
