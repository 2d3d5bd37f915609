import fc from 'fast-check';
import { RecordedEvent } from '@coachline/domain';

/** Strings that have broken other programs: SQL, placeholders, shell, markup, format strings, terminal escapes. */
export const INJECTIONS: ReadonlyArray<string> = [
  "'; DROP TABLE events; --",
  "Robert'); DELETE FROM events WHERE ('1'='1",
  '$1',
  '$$ ; select pg_sleep(10); $$',
  '`rm -rf /`',
  '$(touch /tmp/pwned)',
  '| cat /etc/passwd',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '%s%s%s%n',
  '{0}{1}${process.exit()}',
  'line\u2028separator',
  'para\u2029graph',
  '\u001b[31mred\u001b[0m',
  '\u001b[2J\u001b[H',
  '\u001b]0;title\u0007',
  'bell\u0007',
  'back\bspace\r',
  '\u202eevil',
  '\u009bc1 control',
  '\ufeffbom',
];

/** Runs of one letter, long enough that any echo longer than the excerpt limit shows. */
export const MARKER = 'Q';

/** Hostile text: a known injection, a random string of any code units, or either made very long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 16,
  }),
  fc
    .tuple(fc.constantFrom(...INJECTIONS), fc.integer({ min: 200, max: 30_000 }))
    .map(([text, n]) => `${text}${MARKER.repeat(n)}`),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The path of every leaf of a JSON value, as keys. */
export const leavesOf = (value: Json, path: ReadonlyArray<string> = []): string[][] => {
  if (Array.isArray(value)) return value.flatMap((v, i) => leavesOf(v, [...path, String(i)]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leavesOf(v, [...path, k]));
  return [[...path]];
};

const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A copy of the value with the leaf at path replaced (or removed when replacement is undefined). */
export const withLeaf = (value: object, path: ReadonlyArray<string>, replacement: unknown): Record<string, unknown> => {
  const copy = cloneJson(value) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
};

export const leafAt = (value: unknown, path: ReadonlyArray<string>): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value);

/** The string leaves of an event (its text fields, ids, dates and enums). */
export const textLeavesOf = (event: RecordedEvent): string[][] =>
  leavesOf(event as unknown as Json).filter((path) => typeof leafAt(event, path) === 'string');

/** A line of an event file, as text or as raw bytes. */
export type RawLine = string | Buffer;

/** What a line was made to hold, and the line. */
export interface BadLine {
  readonly fault: string;
  readonly line: RawLine;
}

const ENVELOPE = ['id', 'stream', 'type', 'schemaVersion', 'data', 'metadata'] as const;

/** Lines that no verification may let through, built from a valid event. */
export const badLine = (event: RecordedEvent): fc.Arbitrary<BadLine> => {
  const json = JSON.stringify(event);
  const leaves = leavesOf(event as unknown as Json);
  const texts = textLeavesOf(event);
  return fc.oneof(
    fc.integer({ min: 1, max: json.length - 1 }).map((n) => ({ fault: 'truncated JSON', line: json.slice(0, n) })),
    fc
      .tuple(fc.constantFrom(...leaves), fc.constantFrom<unknown>(null, 42, -1.5, true, [], {}, ['x'], { a: 1 }))
      // A number swapped for another number may still be valid; a value of another type never is.
      .filter(([path, value]) => typeof value !== typeof leafAt(event, path))
      .map(([path, value]) => ({
        fault: `wrong type at ${path.join('.')}`,
        line: JSON.stringify(withLeaf(event, path, value)),
      })),
    fc
      .tuple(
        fc.constantFrom([], ['data'], ['metadata'], ['metadata', 'actor']),
        fc.oneof(hostileText, fc.constantFrom('extra', 'Id', '__proto__x')),
        fc.jsonValue({ maxDepth: 1 }),
      )
      .filter(([at, key]) => !Object.keys(leafAt(event, at) as object).includes(key))
      .map(([at, key, value]) => ({
        fault: `unknown field at ${at.join('.')}`,
        line: JSON.stringify(withLeaf(event, [...at, key], value ?? 0)),
      })),
    fc.constantFrom(...ENVELOPE, 'metadata.recordedAt', 'metadata.actor').map((field) => ({
      fault: `missing ${field}`,
      line: JSON.stringify(withLeaf(event, field.split('.'), undefined)),
    })),
    fc
      .constantFrom<unknown>(0, -1, 99, 1.5, '1', null)
      .map((v) => ({ fault: 'wrong schemaVersion', line: JSON.stringify({ ...event, schemaVersion: v }) })),
    fc.constantFrom(...texts).chain((path) =>
      fc.oneof(
        fc.integer({ min: 10_001, max: 3_000_000 }).map((n) => ({
          fault: `oversized ${path.join('.')}`,
          line: JSON.stringify(withLeaf(event, path, MARKER.repeat(n))),
        })),
        fc.integer({ min: 1_000, max: 200_000 }).map((n) => ({
          fault: `huge array at ${path.join('.')}`,
          line: JSON.stringify(withLeaf(event, path, Array(n).fill(`${MARKER}-1`))),
        })),
        fc.constantFrom('\\u0000', '\\ud800', 'a\\udc00b').map((escape) => ({
          fault: `unstorable escape in ${path.join('.')}`,
          line: JSON.stringify(withLeaf(event, path, '@@')).replace('"@@"', `"x${escape}"`),
        })),
      ),
    ),
    fc.integer({ min: 0, max: json.length - 1 }).chain((at) =>
      fc
        .constantFrom<[string, Buffer]>(
          ['invalid UTF-8', Buffer.from([0xff])],
          ['invalid UTF-8', Buffer.from([0xc3])],
          ['invalid UTF-8', Buffer.from([0xed, 0xa0, 0x80])],
          ['raw NUL byte', Buffer.from([0x00])],
        )
        .map(([fault, bytes]) => ({
          fault,
          line: Buffer.concat([Buffer.from(json.slice(0, at)), bytes, Buffer.from(json.slice(at))]),
        })),
    ),
  );
};

/** Writes lines as they are: strings as UTF-8, buffers byte for byte. */
export const fileBytes = (lines: ReadonlyArray<RawLine>): Buffer =>
  Buffer.concat(
    lines.flatMap((line) => [typeof line === 'string' ? Buffer.from(line, 'utf8') : line, Buffer.from('\n')]),
  );
