import {
  ASQ_SE2_AGE_INTERVALS,
  ID_PATTERN,
  ID_RULE,
  INSTANT_PATTERN,
  LABEL_MAX_LENGTH,
  LABEL_PATTERN,
  MONTH_PATTERN,
  NonEmptyArrayType,
  OneOfType,
  PersonalType,
  RESERVED_IDS,
  StructType,
} from '@coachline/domain';
import * as t from 'io-ts';

/** A JSON Schema (the OpenAPI 3.1 dialect) as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** The domain's named primitives, as JSON Schema says them. */
const PRIMITIVES: Readonly<Record<string, JsonSchema>> = {
  LocalDate: { type: 'string', format: 'date', description: 'A calendar date YYYY-MM-DD.' },
  Month: { type: 'string', pattern: MONTH_PATTERN.source, description: 'A month YYYY-MM.' },
  // RFC 3339 allows more spellings than the domain takes (a space or a lower-case t, leap seconds, offsets without a colon).
  Instant: {
    type: 'string',
    format: 'date-time',
    pattern: INSTANT_PATTERN.source,
    description: 'An ISO-8601 instant with a zone, such as 2025-09-16T18:02:11.000Z.',
  },
  AsOf: {
    anyOf: [
      { type: 'string', format: 'date', description: 'A date alone: the end of that day in UTC.' },
      { type: 'string', format: 'date-time', pattern: INSTANT_PATTERN.source },
    ],
    description: 'A calendar date YYYY-MM-DD (the end of that UTC day) or an ISO-8601 instant with a zone.',
  },
  Id: {
    type: 'string',
    pattern: ID_PATTERN.source,
    not: { enum: [...RESERVED_IDS] },
    description: `${ID_RULE[0]!.toUpperCase()}${ID_RULE.slice(1)}.`,
  },
  Label: { type: 'string', minLength: 1, maxLength: LABEL_MAX_LENGTH, pattern: LABEL_PATTERN.source },
  Text: { type: 'string', minLength: 1, maxLength: 10_000, pattern: '\\S', description: 'Not blank.' },
  // The domain takes safe integers only, and JSON's largest numbers are not finite once parsed.
  PositiveInteger: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
  NonNegativeInteger: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  FiniteNumber: { type: 'number', minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE },
  Sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  AsqSe2AgeInterval: { type: 'integer', enum: [...ASQ_SE2_AGE_INTERVALS] },
};

export class UnknownCodecError extends Error {
  override readonly name = 'UnknownCodecError';
}

/** A codec that refuses the empty value of its kind requires at least one entry. */
const refusesEmpty = (codec: t.Mixed, empty: unknown): boolean => codec.decode(empty)._tag === 'Left';

/** The message a `forbiddenField` gives, which says which rule forbids the field. */
const forbiddenReason = (codec: t.Mixed): string | undefined => {
  const result = codec.decode('probe');
  return result._tag === 'Left' ? result.left[0]?.message : undefined;
};

const BASE64: JsonSchema = { type: 'string', contentEncoding: 'base64' };

/** A child-data field of an event: sealed as stored, erased once the child's key is destroyed, plain in older files. */
const personalSchema = (plain: JsonSchema): JsonSchema => ({
  description:
    'Child data (rule 11): stored sealed under the child’s key, read as { "erased": true } once the key is destroyed.',
  anyOf: [
    plain,
    {
      type: 'object',
      properties: {
        sealed: {
          type: 'object',
          properties: { keyId: { type: 'string' }, iv: BASE64, tag: BASE64, ciphertext: BASE64 },
          required: ['keyId', 'iv', 'tag', 'ciphertext'],
          additionalProperties: false,
        },
      },
      required: ['sealed'],
      additionalProperties: false,
    },
    { type: 'object', properties: { erased: { const: true } }, required: ['erased'], additionalProperties: false },
  ],
});

/**
 * Walks an io-ts codec of the domain into the JSON Schema of the values it accepts, so the
 * OpenAPI document is derived from the same codecs that validate requests. A codec it does not
 * know is an error, never a silent `{}`.
 */
export const jsonSchemaOf = (codec: t.Mixed): JsonSchema => {
  const primitive = PRIMITIVES[codec.name];
  if (primitive) return primitive;
  const bounded = codec as t.Mixed & { min?: number; max?: number; pattern?: unknown };
  if (typeof bounded.min === 'number' && typeof bounded.max === 'number')
    return { type: 'integer', minimum: bounded.min, maximum: bounded.max };
  // A codec that checks a string against one regular expression carries it as `pattern`; reserved
  // names the pattern would let through but the codec refuses are said too.
  if (bounded.pattern instanceof RegExp) {
    const { pattern } = bounded;
    const refused = [...RESERVED_IDS].filter((name) => pattern.test(name) && !codec.is(name));
    return { type: 'string', pattern: pattern.source, ...(refused.length > 0 ? { not: { enum: refused } } : {}) };
  }
  if (codec instanceof PersonalType) return personalSchema(jsonSchemaOf(codec.plain));
  if (codec instanceof StructType) return structSchema(codec.required, codec.optional, codec.name);
  if (codec instanceof OneOfType) return { type: 'string', enum: [...codec.values] };
  if (codec instanceof NonEmptyArrayType) return { type: 'array', items: jsonSchemaOf(codec.item), minItems: 1 };
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType)
    return { type: 'array', items: jsonSchemaOf(codec.type as t.Mixed) };
  if (codec instanceof t.ReadonlyType) return jsonSchemaOf(codec.type as t.Mixed);
  if (codec instanceof t.DictionaryType)
    return {
      type: 'object',
      additionalProperties: jsonSchemaOf(codec.codomain),
      ...(codec.domain.name !== 'string' ? { propertyNames: jsonSchemaOf(codec.domain) } : {}),
      ...(refusesEmpty(codec, {}) ? { minProperties: 1 } : {}),
    };
  if (codec instanceof t.InterfaceType)
    return structSchema(codec.props as Record<string, t.Mixed>, {}, codec.name, false);
  if (codec instanceof t.PartialType)
    return {
      type: 'object',
      properties: Object.fromEntries(
        Object.entries(codec.props as Record<string, t.Mixed>).map(([key, inner]) => [key, jsonSchemaOf(inner)]),
      ),
    };
  if (codec instanceof t.IntersectionType) return { allOf: (codec.types as t.Mixed[]).map(jsonSchemaOf) };
  if (codec instanceof t.ExactType) return jsonSchemaOf(codec.type);
  if (codec instanceof t.UnionType) return { anyOf: (codec.types as t.Mixed[]).map(jsonSchemaOf) };
  if (codec instanceof t.LiteralType) return { const: codec.value };
  if (codec instanceof t.NullType) return { type: 'null' };
  if (codec instanceof t.BooleanType) return { type: 'boolean' };
  if (codec instanceof t.StringType) return { type: 'string' };
  if (codec instanceof t.NumberType) return { type: 'number' };
  if (codec instanceof t.UnknownType) return {};
  if (codec.name === 'Forbidden') return { not: {}, description: forbiddenReason(codec) };
  throw new UnknownCodecError(`No JSON Schema for the codec ${codec.name}.`);
};

const structSchema = (
  required: Record<string, t.Mixed>,
  optional: Record<string, t.Mixed>,
  title: string,
  closed = true,
): JsonSchema => ({
  type: 'object',
  title,
  properties: Object.fromEntries(
    [...Object.entries(required), ...Object.entries(optional)].map(([key, codec]) => [key, jsonSchemaOf(codec)]),
  ),
  required: Object.keys(required),
  // The domain's structs refuse fields they do not know; plain io-ts types (the views) do not promise that.
  ...(closed ? { additionalProperties: false } : {}),
});
