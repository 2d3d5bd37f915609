import { EXCERPT_LIMIT, MESSAGE_LIMIT } from '@coachline/domain';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { example } from '../testing/example-history';
import { badLine, fileBytes, hostileText, MARKER, RawLine, textLeavesOf, withLeaf } from '../testing/hostile-lines';
import { formatLineError } from './line-error';
import { ERRORS_PER_LINE } from './parse-event-line';
import { verifyEventFile } from './verify-event-file';

const dir = mkdtempSync(join(tmpdir(), 'coachline-bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const history = example();
let files = 0;

/** What a terminal would act on or a reader be misled by; none may reach an error line. */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const longestMarkerRun = (text: string): number =>
  Math.max(0, ...(text.match(new RegExp(`${MARKER}+`, 'g')) ?? []).map((run) => run.length));

/** The valid history up to an event, then that event as the given line; verified, errors formatted. */
const verifyWithLastLine = async (upTo: number, last: RawLine) => {
  const file = join(dir, `f${++files}.jsonl`);
  writeFileSync(file, fileBytes([...history.slice(0, upTo).map((e) => JSON.stringify(e)), last]));
  const verification = await verifyEventFile(file);
  return { file, verification, printed: verification.errors.map((e) => formatLineError(file, e)) };
};

const expectSafe = (file: string, printed: ReadonlyArray<string>) => {
  for (const line of printed) {
    expect(line.startsWith(`${file}:`)).toBe(true);
    expect(line).toMatch(/^[^\n]+:\d+: [^\n]+: [^\n]+$/);
    expect(line).not.toMatch(UNSAFE);
    expect(longestMarkerRun(line)).toBeLessThanOrEqual(EXCERPT_LIMIT);
    expect(line.length).toBeLessThanOrEqual(file.length + 12 + EXCERPT_LIMIT + 2 + MESSAGE_LIMIT);
  }
};

describe('an event file with one bad line', () => {
  jest.setTimeout(120_000);

  it('reports the line, and only it, in safe, bounded error text, whatever is wrong with it', async () => {
    const faults = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 0, max: history.length - 1 })
          .chain((at) => badLine(history[at]!).map((bad) => ({ at, bad }))),
        async ({ at, bad }) => {
          faults.add(
            bad.fault.replace(/ (at|in|of) .*$|^(oversized|huge array|wrong type|missing) .*$/, (m, _p, kind) =>
              kind ? kind : '',
            ),
          );
          const { file, verification, printed } = await verifyWithLastLine(at, bad.line);
          expect(verification.errors.length).toBeGreaterThan(0);
          expect(verification.errors.length).toBeLessThanOrEqual(ERRORS_PER_LINE + 1);
          expect(new Set(verification.errors.map((e) => e.line))).toEqual(new Set([at + 1]));
          expectSafe(file, printed);
        },
      ),
      { numRuns: 250, seed: 7_2026 },
    );
    // Every kind of fault was tried, not just the cheapest.
    expect(faults.size).toBeGreaterThanOrEqual(10);
  });

  it('stores injection strings as data or refuses them, in every text field, and never repeats them raw', async () => {
    const cases = fc
      .integer({ min: 0, max: history.length - 1 })
      .chain((at) => fc.tuple(fc.constant(at), fc.constantFrom(...textLeavesOf(history[at]!)), hostileText));
    await fc.assert(
      fc.asyncProperty(cases, async ([at, path, text]) => {
        const { file, verification, printed } = await verifyWithLastLine(
          at,
          JSON.stringify(withLeaf(history[at]!, path, text)),
        );
        for (const error of verification.errors) expect(error.line).toBe(at + 1);
        expectSafe(file, printed);
      }),
      { numRuns: 200, seed: 7_2027 },
    );
  });

  it('counts a field holding a huge list of wrong values as one line of errors, not thousands', async () => {
    const session = history[history.length - 1]!;
    const { verification } = await verifyWithLastLine(
      history.length - 1,
      JSON.stringify(withLeaf(session, ['data', 'practices'], Array(50_000).fill(''))),
    );
    expect(verification.errors).toHaveLength(ERRORS_PER_LINE + 1);
    expect(verification.errors[ERRORS_PER_LINE]!.message).toBe(
      `${50_000 - ERRORS_PER_LINE} more error(s) on this line not listed`,
    );
  });
});
