import type { ExpectedRevision } from './event-store';

/**
 * Refuses what no writer can mean: an expectation that is neither 'any', 'no-stream' nor a
 * revision (a safe integer ≥ 0). Such a value is a bug in the caller, so it is thrown before the
 * store is touched, the same way on every adapter.
 */
export const requireExpectedRevision = (expected: ExpectedRevision): void => {
  if (expected === 'any' || expected === 'no-stream') return;
  if (!Number.isSafeInteger(expected) || expected < 0)
    throw new RangeError(
      `Expected revision must be 'any', 'no-stream' or a revision (an integer ≥ 0), got ${String(expected)}.`,
    );
};

/**
 * Whether a stream now at `actual` (`undefined`: there is no such stream) is where the writer
 * expected it: anywhere for 'any', absent for 'no-stream', else at exactly that revision.
 */
export const meetsExpectedRevision = (expected: ExpectedRevision, actual: number | undefined): boolean =>
  expected === 'any' || (expected === 'no-stream' ? actual === undefined : actual === expected);
