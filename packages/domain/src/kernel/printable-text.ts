/**
 * Refusals quote what they were given, and people read refusals on terminals and in logs: an
 * escape sequence in a name would repaint a screen, a line separator forge a second line, a bidi
 * override reorder what the reader sees, a megabyte field come back a megabyte long. Text quoted
 * back is therefore escaped and cut, by the command line and the API alike.
 */

/** The most characters of any one value quoted back. */
export const EXCERPT_LIMIT = 80;
/** The most characters of one message, whatever it quotes. */
export const MESSAGE_LIMIT = 240;

// C0 and C1 controls, DEL, line and paragraph separators, bidi marks and overrides, the BOM,
// and halves of surrogate pairs standing alone.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// A quoted value as messages write it; escaped quotes inside stay inside.
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;
// An unquoted run longer than an excerpt: an unknown field's name, a path through a huge value.
const LONG_RUN = new RegExp(`[^\\s"]{${EXCERPT_LIMIT + 1},}`, 'g');

const hex4 = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Every character a terminal would act on, or that would mislead a reader, as a `\u` escape of four hex digits (`\u001b`). */
export const escapeUnsafe = (text: string): string => text.replace(UNSAFE, hex4);

/** Cuts text to `limit` characters, marking the cut, never leaving half an escape behind. */
export const cut = (text: string, limit: number): string =>
  text.length <= limit ? text : `${text.slice(0, limit - 3).replace(/\\(u[0-9a-fA-F]{0,3})?$/, '')}...`;

/** Escaped, each quoted value and each long run cut to an excerpt, the whole cut to `limit`. */
export const printableText = (text: string, limit: number = MESSAGE_LIMIT): string =>
  cut(
    escapeUnsafe(text)
      .replace(QUOTED, (whole, inner: string) =>
        inner.length <= EXCERPT_LIMIT ? whole : `"${cut(inner, EXCERPT_LIMIT)}"`,
      )
      .replace(LONG_RUN, (run) => cut(run, EXCERPT_LIMIT)),
    limit,
  );
