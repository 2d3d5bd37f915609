import fc from 'fast-check';
import { cut, escapeUnsafe, EXCERPT_LIMIT, MESSAGE_LIMIT, printableText } from './printable-text';

const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MARKER = 'Q';
const longestMarkerRun = (text: string): number => Math.max(0, ...(text.match(/Q+/g) ?? []).map((run) => run.length));

describe('printable text', () => {
  it('escapes every control, separator and bidi character, and lone surrogates', () => {
    expect(escapeUnsafe('a\u001b[31mb\u2028c\u202ed\u0000\ud800')).toBe('a\\u001b[31mb\\u2028c\\u202ed\\u0000\\ud800');
    expect(escapeUnsafe('é 😀 \t')).toBe('é 😀 \\u0009');
  });

  it('cuts long text with a mark, never through an escape', () => {
    expect(cut('abcdef', 6)).toBe('abcdef');
    expect(cut('abcdefg', 6)).toBe('abc...');
    expect(cut('ab\\u001bcdefgh', 8)).toBe('ab...');
  });

  it('leaves a short, plain message as it is', () => {
    expect(printableText('expected a date YYYY-MM-DD, got "2025-13-01"')).toBe(
      'expected a date YYYY-MM-DD, got "2025-13-01"',
    );
  });

  it('keeps any message on one safe line of bounded length, quoting at most an excerpt', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.string({ unit: fc.constant(MARKER), maxLength: 500 }),
        (text, run) => {
          const message = printableText(`expected something, got "${text}${run}" and ${run}`);
          expect(message).not.toMatch(UNSAFE);
          expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
          expect(longestMarkerRun(message)).toBeLessThanOrEqual(EXCERPT_LIMIT);
        },
      ),
    );
    expect(longestMarkerRun(printableText(`unknown field "${MARKER.repeat(5_000)}"`))).toBeLessThanOrEqual(
      EXCERPT_LIMIT,
    );
  });

  it('cuts to the limit it is given', () => {
    expect(printableText('x '.repeat(100), 20)).toHaveLength(20);
  });
});
