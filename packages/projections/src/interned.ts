/**
 * One copy of each text a state repeats across thousands of entries (a session kind, a goal's
 * wording, a module), instead of one per event it came from: on a long history the copies
 * outweigh the entries. JSON.parse already gives one copy of each text of ten characters or fewer
 * (a date, a month), so those need none. The table stops growing at a bound whatever comes.
 */
const texts = new Map<string, string>();
const MAX_TEXTS = 50_000;

export const interned = <T extends string>(text: T): T => {
  const held = texts.get(text);
  if (held !== undefined) return held as T;
  if (texts.size < MAX_TEXTS) texts.set(text, text);
  return text;
};
