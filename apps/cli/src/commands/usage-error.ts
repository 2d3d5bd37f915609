/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The input was read but is wrong (bad events, broken rules, unreadable file): exit code 1. */
export class FailureError extends Error {
  override readonly name = 'FailureError';
}
