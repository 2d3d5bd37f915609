import fc from 'fast-check';
import type { Schema } from './document-validator';

/** NUL and unpaired surrogates: no store keeps them, and the API refuses them in any string (the document says so). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (s: string) => !UNSTORABLE.test(s);

const characters = (s: string): number => [...s].length;

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const moments = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2027-12-31T23:59:59Z'),
  noInvalidDate: true,
});

/** ASCII and a few wider characters, for patterns fast-check cannot generate from (a lookahead): the filter keeps those that match. */
const someCharacters = fc.constantFrom(...'abcXYZ019-_.:/ é😀\n');

const matching = (pattern: RegExp): fc.Arbitrary<string> => {
  try {
    return fc.stringMatching(pattern);
  } catch {
    return fc.string({ unit: someCharacters, minLength: 1, maxLength: 40 }).filter((s) => pattern.test(s));
  }
};

const stringOf = (schema: Schema): fc.Arbitrary<string> => {
  const min = (schema['minLength'] as number | undefined) ?? 0;
  const max = (schema['maxLength'] as number | undefined) ?? Number.POSITIVE_INFINITY;
  const pattern = typeof schema['pattern'] === 'string' ? new RegExp(schema['pattern'], 'u') : undefined;
  let base: fc.Arbitrary<string>;
  if (schema['format'] === 'date') base = moments.map(dayOf);
  else if (schema['format'] === 'date-time') base = moments.map((date) => date.toISOString());
  else if (pattern && pattern.source.startsWith('^')) base = matching(pattern);
  else base = fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: Math.min(max, 40) });
  return base.filter(
    (s) => storable(s) && characters(s) >= min && characters(s) <= max && (!pattern || pattern.test(s)),
  );
};

/**
 * Values a JSON Schema of the document accepts, to send as requests: objects get their required
 * fields and some of the optional ones; lengths and sizes stay small.
 */
export const arbitraryOf = (schema: Schema): fc.Arbitrary<unknown> => {
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  if (Array.isArray(schema['anyOf'])) return fc.oneof(...(schema['anyOf'] as Schema[]).map(arbitraryOf));
  const not = schema['not'] as Schema | undefined;
  const unrestricted = { ...schema };
  delete unrestricted['not'];
  if (not !== undefined && Object.keys(schema).every((k) => k === 'not' || k === 'description'))
    return fc.constant(undefined);
  const base = arbitraryOfType(unrestricted);
  return not && Array.isArray(not['enum']) ? base.filter((value) => !(not['enum'] as unknown[]).includes(value)) : base;
};

const arbitraryOfType = (schema: Schema): fc.Arbitrary<unknown> => {
  switch (schema['type']) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({
        min: (schema['minimum'] as number | undefined) ?? -1000,
        max: Math.min((schema['maximum'] as number | undefined) ?? 1000, 1_000_000),
      });
    case 'number':
      return fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = (schema['minItems'] as number | undefined) ?? 0;
      return fc.array(arbitraryOf(schema['items'] as Schema), { minLength, maxLength: Math.max(minLength, 3) });
    }
    case 'object':
      return objectOf(schema);
    default:
      throw new Error(`No values for the schema ${JSON.stringify(schema).slice(0, 200)}.`);
  }
};

const objectOf = (schema: Schema): fc.Arbitrary<unknown> => {
  const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  if (Object.keys(properties).length === 0 && typeof schema['additionalProperties'] === 'object') {
    const keys = schema['propertyNames']
      ? stringOf(schema['propertyNames'] as Schema)
      : fc.stringMatching(/^[a-z][a-z-]{0,11}$/);
    const minKeys = (schema['minProperties'] as number | undefined) ?? 0;
    return fc
      .dictionary(keys, arbitraryOf(schema['additionalProperties'] as Schema), {
        minKeys,
        maxKeys: Math.max(minKeys, 3),
      })
      .map((entries) => ({ ...entries }));
  }
  const fields = Object.fromEntries(Object.entries(properties).map(([key, inner]) => [key, arbitraryOf(inner)]));
  const requiredKeys = Object.keys(properties).filter((key) => required.has(key));
  return fc
    .record(fields, { requiredKeys })
    .map((value) =>
      Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, inner]) => inner !== undefined)),
    );
};
