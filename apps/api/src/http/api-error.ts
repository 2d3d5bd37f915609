import { DomainError, FieldError } from '@coachline/domain';
import * as t from 'io-ts';

/** The body of every refusal: a stable code, a sentence, and each field at fault by its path. */
export const ErrorBody = t.type(
  { code: t.string, message: t.string, errors: t.array(t.type({ path: t.string, message: t.string }, 'FieldError')) },
  'Error',
);
export type ErrorBody = t.TypeOf<typeof ErrorBody>;

/** A refusal on its way to the client: a DomainError and the HTTP status it maps to. */
export class ApiException extends Error {
  override readonly name = 'ApiException';
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(body.message);
  }
}

const STATUS_OF_KIND: Readonly<Record<DomainError['kind'], number>> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rule-broken': 422,
};

export const statusOf = (error: DomainError): number => STATUS_OF_KIND[error.kind];

export const bodyOf = (error: DomainError): ErrorBody => ({
  code: error.code,
  message: error.message,
  errors: error.errors.map(({ path, message }: FieldError) => ({ path, message })),
});

export const refusal = (error: DomainError, headers?: Readonly<Record<string, string>>): ApiException =>
  new ApiException(statusOf(error), bodyOf(error), headers);

export const unauthorized = (message: string): ApiException =>
  new ApiException(
    401,
    { code: 'unauthenticated', message, errors: [{ path: 'headers.authorization', message }] },
    {
      'WWW-Authenticate': 'Bearer realm="coachline"',
    },
  );
