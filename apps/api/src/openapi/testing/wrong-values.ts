import type { Schema } from './document-validator';

/** Values that break some rule a field's schema may hold: grammar, line, blank, length, type, bounds. */
const CANDIDATES: ReadonlyArray<unknown> = [
  'a\nb',
  'nl\nprov',
  '',
  ' ',
  ' padded ',
  'p 1',
  '__proto__',
  'x'.repeat(129),
  'x'.repeat(201),
  '2025-02-30',
  '2025-09-16T18:02:11',
  'not-a-choice',
  42,
  -1,
  0,
  1.5,
  Number.MAX_SAFE_INTEGER + 1,
  null,
  true,
  [],
  ['x'],
  {},
];

/**
 * The values of CANDIDATES (and one past each bound of an integer) that `schema` refuses, as
 * judged by `refuses`: what a request with this one field wrong may carry.
 */
export const wrongValuesFor = (schema: Schema, refuses: (value: unknown) => boolean): unknown[] => {
  const bounds = [schema['maximum'], schema['minimum']].filter((n): n is number => typeof n === 'number');
  const beyond = bounds.flatMap((n) => [n + 1, n - 1]);
  return [...CANDIDATES, ...beyond].filter(refuses);
};
