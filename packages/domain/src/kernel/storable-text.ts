import type { FieldError } from './domain-error';

/** U+0000, or half of a surrogate pair without its other half. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Valid UTF-8 cannot carry either; only a JSON `\u` escape can, so JSON text without one holds none. */
const MAY_HOLD_UNSTORABLE = /\\u(0000|[dD][89a-fA-F])/;

const MESSAGE = 'must not contain U+0000 or an unpaired surrogate: such text cannot be stored';

const at = (path: string, key: string | number): string => (path === '' ? String(key) : `${path}.${key}`);

/**
 * The deepest arrays and objects may sit inside each other in what Coachline takes in: a command
 * body, an event line. The catalogue's deepest value nests four levels; a body nested thousands
 * of levels deep is an attack on every walk that follows it, and is refused first.
 */
export const NESTING_LIMIT = 32;

/** The refusal of JSON nested deeper than the store reads back safely. */
export const NESTING_RULE = `must not nest arrays and objects more than ${NESTING_LIMIT} levels deep`;

/**
 * How deep arrays and objects nest in `value` (a string or number is 0, `[]` is 1, `[[1]]` 2),
 * counted without recursion, and no further than one level past `limit`: a value nested a
 * hundred thousand levels deep costs no more to measure than one just past the limit.
 */
export const nestingDepth = (value: unknown, limit: number = NESTING_LIMIT): number => {
  let deepest = 0;
  const pending: Array<readonly [unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [inner, depth] = next;
    if (typeof inner !== 'object' || inner === null) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(inner) ? inner : Object.values(inner))
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
  }
  return deepest;
};

/** The walk below recurses once per level, so it stops past the limit rather than overflow the stack. */
const walk = (value: unknown, path: string, depth: number): FieldError[] => {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [{ path, message: MESSAGE }] : [];
  if (typeof value !== 'object' || value === null) return [];
  if (depth >= NESTING_LIMIT) return [{ path, message: NESTING_RULE }];
  if (Array.isArray(value)) return value.flatMap((inner, index) => walk(inner, at(path, index), depth + 1));
  return Object.entries(value).flatMap(([key, inner]) =>
    UNSTORABLE.test(key) ? [{ path: at(path, key), message: MESSAGE }] : walk(inner, at(path, key), depth + 1),
  );
};

/**
 * Every string of a value, keys included, that no store could keep: PostgreSQL refuses NUL in
 * text and JSON, and unpaired surrogates in JSON. Refused with the other errors of a request or
 * a line, rather than failing halfway in the store. A value nested past `NESTING_LIMIT` is
 * refused where it goes too deep, and not looked into further.
 */
export const unstorableText = (value: unknown, path = ''): FieldError[] => walk(value, path, 0);

/** `unstorableText` of parsed JSON, skipped cheaply when its source text holds no `\u` escape that could be one. */
export const unstorableJson = (jsonText: string, parsed: unknown): FieldError[] =>
  // A search for the two characters is several times quicker than the pattern over a whole event line.
  jsonText.includes('\\u') && MAY_HOLD_UNSTORABLE.test(jsonText) ? unstorableText(parsed) : [];
