/**
 * Errors are values in the domain. Each carries a stable `code` that callers map to a
 * response (the API maps `invalid` to 400, `rule-broken` to 422 and so on) and the paths of
 * the fields at fault, so a user sees every wrong field at once.
 */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export type DomainErrorKind = 'invalid' | 'rule-broken' | 'not-found' | 'conflict' | 'forbidden';

export interface DomainError {
  readonly _tag: 'DomainError';
  readonly kind: DomainErrorKind;
  /** Stable, machine-readable, kebab-case: `consent-required`, `session-voided`, … */
  readonly code: string;
  readonly message: string;
  readonly errors: ReadonlyArray<FieldError>;
}

const make =
  (kind: DomainErrorKind) =>
  (code: string, message: string, errors: ReadonlyArray<FieldError> = []): DomainError => ({
    _tag: 'DomainError',
    kind,
    code,
    message,
    errors,
  });

export const invalid = make('invalid');
export const notFound = make('not-found');
export const conflict = make('conflict');
export const forbidden = make('forbidden');

/** A rule of the program refused the command; `path` names the field that broke it. */
export const ruleBroken = (code: string, message: string, path: string): DomainError =>
  make('rule-broken')(code, message, [{ path, message }]);

export const isDomainError = (u: unknown): u is DomainError =>
  typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === 'DomainError';

/** The paths a DomainError names, for tests and for listing in a response. */
export const errorPaths = (error: DomainError): string[] => error.errors.map((e) => e.path);
