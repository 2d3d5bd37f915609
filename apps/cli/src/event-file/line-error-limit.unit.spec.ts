import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { example } from '../testing/example-history';
import { MAX_LINE_ERRORS } from './line-error-limit';
import { verifyEventFile } from './verify-event-file';

const dir = mkdtempSync(join(tmpdir(), 'coachline-error-limit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fileOf = (lines: ReadonlyArray<string>): string => {
  const file = join(dir, `f${++files}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};

const good = example().map((event) => JSON.stringify(event));

describe('verifying an event file', () => {
  it('counts its events, with or without a progress callback', async () => {
    const file = fileOf(good);
    expect((await verifyEventFile(file)).events).toBe(good.length);
    expect((await verifyEventFile(file, () => undefined)).events).toBe(good.length);
  });

  it('lists every error while there are fewer than the limit, and stops at the limit, counting the lines it did not read', () =>
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 5 }), async (bad, after) => {
        const file = fileOf([
          ...good.slice(0, 4),
          ...Array.from({ length: bad }, (_, i) => `not json ${i}`),
          ...good.slice(4, 4 + after),
        ]);
        const outcome = await verifyEventFile(file).then(
          (verification) => ({ listed: verification.errors.length, stopped: undefined }),
          (error: Error) => ({
            listed: error.message.split('\n').length - 1,
            stopped: error.message.split('\n').at(-1),
          }),
        );
        const unread = bad - MAX_LINE_ERRORS + after;
        if (bad >= MAX_LINE_ERRORS && unread > 0) {
          expect(outcome).toEqual({
            listed: MAX_LINE_ERRORS,
            stopped: `${file}: stopped after ${MAX_LINE_ERRORS} errors at line ${4 + MAX_LINE_ERRORS}; ${unread} more line(s) were not read`,
          });
        } else {
          expect(outcome).toEqual({ listed: bad, stopped: undefined });
        }
      }),
      { numRuns: 40 },
    ));
});
