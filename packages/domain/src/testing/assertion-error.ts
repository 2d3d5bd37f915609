/**
 * The error a specification throws when it fails. Its own class rather than a test runner's
 * `expect`, so specifications run under jest, vitest, mocha or `node --test` alike; it carries
 * `expected` and `actual` the way node's assertion errors do, which runners use to show a diff.
 */
export class AssertionError extends Error {
  override readonly name = 'AssertionError';
  readonly expected: unknown;
  readonly actual: unknown;

  constructor(message: string, details: { readonly expected?: unknown; readonly actual?: unknown } = {}) {
    super(message);
    this.expected = details.expected;
    this.actual = details.actual;
  }
}

const MAX_SHOWN = 5;
const MAX_VALUE_LENGTH = 120;

/** A value as a message shows it: JSON, cut short when long. */
export const shown = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (Object.is(value, -0)) return '-0';
  const text = typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

// Events are compared as they are stored: a property set to undefined is one left out.
const definedKeys = (value: Record<string, unknown>): string[] =>
  Object.keys(value).filter((key) => value[key] !== undefined);

const at = (path: string, key: string | number): string =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`;

const collect = (expected: unknown, actual: unknown, path: string, out: string[]): void => {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length)
      out.push(`${path}: expected ${expected.length} item(s), got ${actual.length}`);
    for (let i = 0; i < Math.max(expected.length, actual.length); i += 1)
      collect(expected[i], actual[i], at(path, i), out);
    return;
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    const keys = new Set([...definedKeys(expected), ...definedKeys(actual)]);
    for (const key of keys) collect(expected[key], actual[key], at(path, key), out);
    return;
  }
  if (Object.is(expected, actual)) return;
  const bothObjects =
    typeof expected === 'object' && typeof actual === 'object' && expected !== null && actual !== null;
  const sameShape =
    bothObjects &&
    !Array.isArray(expected) &&
    !Array.isArray(actual) &&
    Object.getPrototypeOf(expected) === Object.getPrototypeOf(actual);
  if (sameShape && JSON.stringify(expected) === JSON.stringify(actual)) return;
  out.push(`${path}: expected ${shown(expected)}, got ${shown(actual)}`);
};

/**
 * Where two values differ, one line per differing leaf (`events[0].data.minutes: expected 45,
 * got 60`); empty when they are equal. `root` names the whole value in those lines.
 */
export const differences = (expected: unknown, actual: unknown, root = 'value'): string[] => {
  const out: string[] = [];
  collect(expected, actual, root, out);
  return out;
};

/** The differences as the indented lines of a message, the first few and a count of the rest. */
export const listed = (lines: ReadonlyArray<string>): string => {
  const rest = lines.length - MAX_SHOWN;
  return [...lines.slice(0, MAX_SHOWN).map((line) => `  ${line}`), ...(rest > 0 ? [`  … and ${rest} more`] : [])].join(
    '\n',
  );
};
