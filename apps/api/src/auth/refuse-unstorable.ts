import { decodeWith, type FieldError, invalid, unstorableText } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { refusal } from '../http/api-error';

/** Text no record may hold (controls, lone surrogates, overlong nesting) is refused by the paths that carry it. */
export const refuseUnstorable = (value: unknown, path: string, what: string): void => {
  const unfit = unstorableText(value, path);
  if (unfit.length > 0)
    throw refusal(invalid('invalid', `${what} is invalid: ${unfit.map((e) => e.path).join(', ')}`, unfit));
};

/**
 * Decodes a request's part with its codec, refusing in one answer every field at fault: text no
 * record may hold and values the codec does not take alike, each path named once.
 */
export const decodedOrRefused = <A>(
  codec: t.Type<A, unknown, unknown>,
  what: string,
  value: unknown,
  path: string,
): A => {
  const decoded = decodeWith(codec, what, path)(value);
  const unfit = unstorableText(value, path);
  if (unfit.length === 0 && E.isRight(decoded)) return decoded.right;
  const fields = new Map<string, FieldError>();
  for (const error of [...unfit, ...(E.isLeft(decoded) ? decoded.left.errors : [])])
    if (!fields.has(error.path)) fields.set(error.path, error);
  const errors = [...fields.values()];
  throw refusal(invalid('invalid', `${what} is invalid: ${errors.map((e) => e.path).join(', ')}`, errors));
};
