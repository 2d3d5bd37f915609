/**
 * One copy of each short text a state repeats across thousands of entries (a date, a session
 * kind), instead of one per event it came from: on a long history the copies outweigh the
 * entries. The texts are few (a calendar's days, a handful of kinds), and the table stops growing
 * at a bound whatever comes.
 */
const texts = new Map<string, string>();
const MAX_TEXTS = 50_000;

export const interned = <T extends string>(text: T): T => {
  const held = texts.get(text);
  if (held !== undefined) return held as T;
  if (texts.size < MAX_TEXTS) texts.set(text, text);
  return text;
};
