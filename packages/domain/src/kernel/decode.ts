import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { DomainError, FieldError, invalid } from './domain-error';

const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return typeof value;
  }
};

/**
 * The path of a failure, as users write it (`data.goals.0.practice`). io-ts reports the
 * whole chain of codecs; only keys that name a field of the input are kept, which drops the
 * unnamed members of intersections and unions.
 */
const pathOf = (context: t.Context, prefix: string): string => {
  const keys: string[] = [];
  for (let i = 1; i < context.length; i++) {
    const entry = context[i]!;
    const parent = context[i - 1]!;
    const parentTag = (parent.type as { _tag?: string })._tag;
    // Members of intersections and unions are keyed by index but are not fields of the input.
    if (parentTag === 'IntersectionType' || parentTag === 'UnionType') continue;
    if (entry.key !== '') keys.push(entry.key);
  }
  return [prefix, ...keys].filter((k) => k !== '').join('.');
};

const expected = (error: t.ValidationError): string => {
  if (error.message) return error.message;
  const last = error.context[error.context.length - 1];
  return `expected ${last?.type.name ?? 'a valid value'}, got ${describe(error.value)}`;
};

/** Every failing field, once, in the order io-ts found them. */
export const fieldErrors = (errors: t.Errors, prefix = ''): FieldError[] => {
  const seen = new Map<string, FieldError>();
  for (const error of errors) {
    const path = pathOf(error.context, prefix);
    // A union reports one failure per member; the first message per path is the clearest.
    if (!seen.has(path)) seen.set(path, { path, message: expected(error) });
  }
  return [...seen.values()];
};

/** Decodes `input` with `codec`, reporting every wrong field in one `invalid` DomainError. */
export const decodeWith =
  <A, O>(codec: t.Type<A, O, unknown>, what: string, prefix = '') =>
  (input: unknown): E.Either<DomainError, A> => {
    // A plain branch rather than a pipeline: this runs once per event on every replay.
    const decoded = codec.decode(input);
    if (E.isRight(decoded)) return decoded;
    const fields = fieldErrors(decoded.left, prefix);
    return E.left(
      invalid('invalid', `${what} is invalid: ${fields.map((f) => f.path || '(root)').join(', ')}`, fields),
    );
  };
