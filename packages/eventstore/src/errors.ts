/** The stream was not at the revision the writer expected: someone else wrote first. */
export class RevisionConflictError extends Error {
  override readonly name = 'RevisionConflictError';
  constructor(
    readonly stream: string,
    readonly expected: string | number,
    readonly actual: number | undefined,
  ) {
    super(`Stream ${stream} is at ${actual === undefined ? 'no stream' : `revision ${actual}`}, expected ${expected}.`);
  }
}

export const isRevisionConflict = (error: unknown): error is RevisionConflictError =>
  error instanceof RevisionConflictError ||
  (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'RevisionConflictError');

/** An event id already stored: appending it again would duplicate an event. */
export class DuplicateEventError extends Error {
  override readonly name = 'DuplicateEventError';
  constructor(readonly eventId: string) {
    super(`An event with id ${eventId} is already stored.`);
  }
}
