/**
 * Errors are values in the domain. Each carries a stable `code` that callers map to a
 * response (the API maps `invalid` to 400, `rule-broken` to 422 and so on) and the paths of
 * the fields at fault, so a user sees every wrong field at once.
 */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** The kinds the API maps to statuses; the `code` says exactly what went wrong. */
export type DomainErrorKind = 'invalid' | 'rule-broken' | 'not-found' | 'conflict' | 'forbidden';

/** A refusal as a value: the caller is at fault. A fault of the system is thrown instead. */
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

/** The input is wrong as given: it does not decode, or a field's value is refused; `errors` names each field. */
export const invalid = make('invalid');
/** The command names a stream or record that holds nothing. */
export const notFound = make('not-found');
/** The command repeats or contradicts what is already recorded. */
export const conflict = make('conflict');
/** The actor may not do this, whatever the data. */
export const forbidden = make('forbidden');

/** A rule of the program refused the command; `path` names the field that broke it. */
export const ruleBroken = (code: string, message: string, path: string): DomainError =>
  make('rule-broken')(code, message, [{ path, message }]);

/** Tells a refusal from a failure where both arrive the same way, as a caught value. */
export const isDomainError = (u: unknown): u is DomainError =>
  typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === 'DomainError';

/** The paths a DomainError names, for tests and for listing in a response. */
export const errorPaths = (error: DomainError): string[] => error.errors.map((e) => e.path);
