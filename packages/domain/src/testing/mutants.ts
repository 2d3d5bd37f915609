import fc from 'fast-check';

/**
 * Values made wrong in one place, for the properties that hold a fast check to the codec it
 * stands for: whatever one mistake a file or a caller makes, both must decide alike.
 */

/** Values each codec of the catalogue refuses somewhere: wrong kinds, ids that name prototypes, bad dates. */
export const hostileValue: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  '',
  ' ',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'a b',
  'x'.repeat(129),
  '2025-02-30',
  '2025-13-01T00:00:00Z',
  '\u0000',
  [],
  [1],
  [''],
  {},
  { 'not-a-valid-value': true },
  { erased: true },
  'observation',
  'coach',
);

type Path = ReadonlyArray<string | number>;

/** Every path in `value` to an object or array (the root included), where a field can be added or taken away. */
export const containerPaths = (value: unknown, prefix: Path = []): Path[] => {
  if (typeof value !== 'object' || value === null) return [];
  const inner = Array.isArray(value)
    ? value.flatMap((v, i) => containerPaths(v, [...prefix, i]))
    : Object.entries(value).flatMap(([k, v]) => containerPaths(v, [...prefix, k]));
  return [prefix, ...inner];
};

/** Every path in `value` (the root included). */
export const allPaths = (value: unknown, prefix: Path = []): Path[] => {
  if (typeof value !== 'object' || value === null) return [prefix];
  const inner = Array.isArray(value)
    ? value.flatMap((v, i) => allPaths(v, [...prefix, i]))
    : Object.entries(value).flatMap(([k, v]) => allPaths(v, [...prefix, k]));
  return [prefix, ...inner];
};

const cloneOf = (value: unknown): unknown => (value === undefined ? undefined : structuredClone(value));

const containerAt = (root: unknown, path: Path): Record<string | number, unknown> | undefined => {
  let here = root;
  for (const key of path) here = (here as Record<string | number, unknown>)[key];
  return typeof here === 'object' && here !== null ? (here as Record<string | number, unknown>) : undefined;
};

/** `value` with one thing made wrong: a field replaced, a field added (own `__proto__` included), a field removed. */
export const mutantOf = (value: unknown): fc.Arbitrary<unknown> => {
  const replaced = fc
    .tuple(fc.constantFrom(...allPaths(value)), fc.oneof(hostileValue, fc.anything()))
    .map(([path, replacement]) => {
      if (path.length === 0) return replacement;
      const copy = cloneOf(value);
      containerAt(copy, path.slice(0, -1))![path[path.length - 1]!] = replacement;
      return copy;
    });
  const containers = containerPaths(value);
  if (containers.length === 0) return replaced;
  const added = fc
    .tuple(
      fc.constantFrom(...containers),
      fc.constantFrom('__proto__', 'constructor', 'nextstep', 'extra', '0'),
      fc.oneof(hostileValue, fc.anything()),
    )
    .map(([path, key, extra]) => {
      const copy = cloneOf(value);
      // defineProperty, so that `__proto__` is an own field, as JSON.parse makes it.
      Object.defineProperty(containerAt(copy, path)!, key, { value: extra, enumerable: true, writable: true });
      return copy;
    });
  const removed = fc.constantFrom(...allPaths(value).filter((p) => p.length > 0)).map((path) => {
    const copy = cloneOf(value);
    const parent = containerAt(copy, path.slice(0, -1))!;
    // An array loses an entry as a hole: a sparse array is something only code, not JSON, can give.
    delete parent[path[path.length - 1]!];
    return copy;
  });
  const emptied = fc.constantFrom(...containers).map((path) => {
    const empty = Array.isArray(containerAt(value, path)) ? [] : {};
    if (path.length === 0) return empty;
    const copy = cloneOf(value);
    containerAt(copy, path.slice(0, -1))![path[path.length - 1]!] = empty;
    return copy;
  });
  return allPaths(value).length > 1 ? fc.oneof(replaced, added, removed, emptied) : fc.oneof(replaced, added, emptied);
};
