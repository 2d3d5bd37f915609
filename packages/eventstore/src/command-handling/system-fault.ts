import type { DomainError } from '@coachline/domain';

/**
 * The system, not the caller, kept a command from being handled. Never a `DomainError`, so no
 * caller can mistake it for a refusal and answer it as one; `cause` is what was thrown, for an
 * application to answer and log as its framework answers any system fault.
 */
export interface SystemFault {
  readonly _tag: 'SystemFault';
  /**
   * `store` when a call to the store failed or it held an event the domain cannot read (the
   * same command may succeed once the store is back); `defect` for a bug in the code or in the
   * options it was given, which no retry mends.
   */
  readonly origin: 'store' | 'defect';
  readonly message: string;
  readonly cause: unknown;
}

/** Why a command was not handled: the caller's fault (a `DomainError`) or the system's (a `SystemFault`). */
export type CommandFailure = DomainError | SystemFault;

/** Any value may be thrown, and some cannot even be turned into text (an object without a prototype). */
const reasonOf = (cause: unknown): string => {
  try {
    return cause instanceof Error ? cause.message : String(cause);
  } catch {
    return 'a value that cannot be shown';
  }
};

export const systemFault = (origin: SystemFault['origin'], context: string, cause: unknown): SystemFault => ({
  _tag: 'SystemFault',
  origin,
  message: `${context}: ${reasonOf(cause)}`,
  cause,
});

export const isSystemFault = (failure: CommandFailure): failure is SystemFault => failure._tag === 'SystemFault';
