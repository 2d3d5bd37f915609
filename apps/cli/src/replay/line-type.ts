import type { LineSpan } from '../event-file/read-event-lines';

const TYPE_MEMBER = Buffer.from('"type":"');
const QUOTE = 0x22;

/**
 * The type a line of an event file names, from its bytes alone, without decoding the line: the
 * value of its first `"type":"…"`, as exported events write it, read as Latin-1 (a type written
 * in other characters is no type a view reads, whatever it decodes to). A guess, used only to
 * share the lines between the two threads of a replay: whichever thread takes a line validates
 * it whole, and a line guessed wrongly is found out (`checkShares`).
 */
export const guessedType = (span: LineSpan): string | undefined => {
  if (span.unreadable !== undefined) return undefined;
  // Searched within the line alone: a line without the member must not cost a search of the rest of its chunk.
  const line = span.bytes.subarray(span.start, span.stop);
  const member = line.indexOf(TYPE_MEMBER);
  if (member === -1) return undefined;
  const start = member + TYPE_MEMBER.length;
  const end = line.indexOf(QUOTE, start);
  return end === -1 ? undefined : line.toString('latin1', start, end);
};
