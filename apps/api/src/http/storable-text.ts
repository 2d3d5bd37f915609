import type { FieldError } from '@coachline/domain';

/** U+0000, or half of a surrogate pair without its other half. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const MESSAGE = 'must not contain U+0000 or an unpaired surrogate: such text cannot be stored';

/**
 * Every string of a request, keys included, that a store could not keep: PostgreSQL refuses NUL
 * in text and JSON, and unpaired surrogates in JSON. Refused with the request's other errors
 * rather than failing at the store.
 */
export const unstorableText = (value: unknown, path: string): FieldError[] => {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [{ path, message: MESSAGE }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableText(item, `${path}.${index}`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, inner]) =>
      UNSTORABLE.test(key) ? [{ path: `${path}.${key}`, message: MESSAGE }] : unstorableText(inner, `${path}.${key}`),
    );
  return [];
};
