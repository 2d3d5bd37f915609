const TYPE_MEMBER = '"type":"';
const QUOTE = '"';

/**
 * The type a line of an event file names, from its text alone: the value of its first
 * `"type":"…"`, as exported events write it. A guess, used only to share the lines between the
 * two threads of a replay: whichever thread takes a line validates it whole, and a line
 * guessed wrongly is found out (`checkShare`).
 */
export const guessedType = (text: string): string | undefined => {
  const member = text.indexOf(TYPE_MEMBER);
  if (member === -1) return undefined;
  const start = member + TYPE_MEMBER.length;
  const end = text.indexOf(QUOTE, start);
  return end === -1 ? undefined : text.slice(start, end);
};
