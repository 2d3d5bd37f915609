import type { FieldError } from './domain-error';

/** U+0000, or half of a surrogate pair without its other half. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Valid UTF-8 cannot carry either; only a JSON `\u` escape can, so JSON text without one holds none. */
const MAY_HOLD_UNSTORABLE = /\\u(0000|[dD][89a-fA-F])/;

const MESSAGE = 'must not contain U+0000 or an unpaired surrogate: such text cannot be stored';

const at = (path: string, key: string | number): string => (path === '' ? String(key) : `${path}.${key}`);

/**
 * Every string of a value, keys included, that no store could keep: PostgreSQL refuses NUL in
 * text and JSON, and unpaired surrogates in JSON. Refused with the other errors of a request or
 * a line, rather than failing halfway in the store.
 */
export const unstorableText = (value: unknown, path = ''): FieldError[] => {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [{ path, message: MESSAGE }] : [];
  if (Array.isArray(value)) return value.flatMap((inner, index) => unstorableText(inner, at(path, index)));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, inner]) =>
      UNSTORABLE.test(key) ? [{ path: at(path, key), message: MESSAGE }] : unstorableText(inner, at(path, key)),
    );
  return [];
};

/** `unstorableText` of parsed JSON, skipped cheaply when its source text holds no `\u` escape that could be one. */
export const unstorableJson = (jsonText: string, parsed: unknown): FieldError[] =>
  MAY_HOLD_UNSTORABLE.test(jsonText) ? unstorableText(parsed) : [];
