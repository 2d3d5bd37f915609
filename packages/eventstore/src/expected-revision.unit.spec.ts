import fc from 'fast-check';
import type { ExpectedRevision } from './event-store';
import { meetsExpectedRevision, requireExpectedRevision } from './expected-revision';

const revision = fc.nat({ max: 1_000_000 });
const streamState = fc.option(revision, { nil: undefined });

describe('the expected revision a writer states', () => {
  it("is met by any stream, or none, when it is 'any'", () => {
    fc.assert(fc.property(streamState, (actual) => meetsExpectedRevision('any', actual)));
  });

  it("is met only where there is no stream when it is 'no-stream'", () => {
    expect(meetsExpectedRevision('no-stream', undefined)).toBe(true);
    fc.assert(fc.property(revision, (actual) => !meetsExpectedRevision('no-stream', actual)));
  });

  it('is met by a stream at exactly that revision, and by nothing else', () => {
    fc.assert(
      fc.property(revision, streamState, (expected, actual) =>
        expect(meetsExpectedRevision(expected, actual)).toBe(actual === expected),
      ),
    );
  });

  it('is refused when it is no revision at all, and let through when it is one', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 'latest' as unknown as ExpectedRevision])
      expect(() => requireExpectedRevision(bad)).toThrow(RangeError);
    for (const good of ['any', 'no-stream', 0, 41] as const) expect(() => requireExpectedRevision(good)).not.toThrow();
  });
});
