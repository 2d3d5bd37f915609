import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEventLineSpans, textOfSpan } from '../event-file/read-event-lines';
import { typeGuesser } from './line-type';

const dir = mkdtempSync(join(tmpdir(), 'coachline-line-type-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The guess made on a line's text alone: the value of its first `"type":"…"` on that line. */
const guessOfText = (text: string): string | undefined => {
  const member = text.indexOf('"type":"');
  if (member === -1) return undefined;
  const end = text.indexOf('"', member + 8);
  return end === -1 ? undefined : text.slice(member + 8, end);
};

describe("the type guessed from a line's bytes", () => {
  it('is the type its text names, line after line, whatever the lines around it hold', async () => {
    const piece = fc.constantFrom('"type":"', 'SessionLogged', '"', '{', ',', 'x', '\n', '\n', '\r\n', '  ');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (pieces) => {
        const file = join(dir, `t-${Math.round(Math.random() * 1e9)}.jsonl`);
        writeFileSync(file, pieces.join(''));
        const guess = typeGuesser();
        for await (const batch of readEventLineSpans(file))
          for (const span of batch) expect(guess(span)).toEqual(guessOfText(textOfSpan(span).text));
      }),
      { numRuns: 300 },
    );
  });
});
