import fc from 'fast-check';
import * as t from 'io-ts';
import { ASQ_SE2_AGE_INTERVALS } from '../screening/asq-se2-age-interval';
import { PersonalInputType, PersonalType } from '../kernel/personal';
import { NonEmptyArrayType, OneOfType } from '../kernel/primitives';
import { StructType } from '../kernel/struct';

/**
 * Derives a fast-check arbitrary from an io-ts codec, so every event and command of the
 * catalogue gets a generator without one written by hand. Ids come from a small pool so that
 * generated commands meet the same streams, sessions and consents often.
 */
const dayMs = 86_400_000;
const yearStart = Date.UTC(2025, 6, 1);

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Generators for the primitive codecs by name, whose refinements a derivation from the codec cannot meet. */
export const primitiveArbitraries: Record<string, fc.Arbitrary<unknown>> = {
  LocalDate: fc.integer({ min: 0, max: 364 }).map((d) => isoDate(yearStart + d * dayMs)),
  Month: fc.integer({ min: 0, max: 11 }).map((m) => isoDate(Date.UTC(2025, 6 + m, 1)).slice(0, 7)),
  Instant: fc.integer({ min: 0, max: 365 * 24 * 60 }).map((min) => new Date(yearStart + min * 60_000).toISOString()),
  Id: fc.constantFrom('a', 'b', 'c'),
  Label: fc.constantFrom('visual-schedule', 'Friendship skills', 'role-play'),
  Text: fc.constantFrom('Modeled a calm-down strategy.', 'Reviewed the visual schedule.', 'Family moved away.'),
  PositiveInteger: fc.integer({ min: 1, max: 1_000 }),
  NonNegativeInteger: fc.integer({ min: 0, max: 1_000 }),
  FiniteNumber: fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }),
  Sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
  AsqSe2AgeInterval: fc.constantFrom(...ASQ_SE2_AGE_INTERVALS),
};

const base64 = (minLength: number, maxLength: number) =>
  fc.uint8Array({ minLength, maxLength }).map((bytes) => btoa(String.fromCharCode(...bytes)));

/** A child-data field as stored: sealed under some key (the domain never opens it). */
const sealedValue = fc.record({
  sealed: fc.record({
    keyId: fc.constantFrom('key-a', 'key-b'),
    iv: base64(12, 12),
    tag: base64(16, 16),
    ciphertext: base64(1, 40),
  }),
});

/**
 * A fast-check arbitrary for a codec, so each event and command gets one without writing it; `overrides` replaces the
 * generator of a codec by its name.
 */
export const arbitraryFor = (
  codec: t.Mixed,
  overrides: Record<string, fc.Arbitrary<unknown>> = {},
): fc.Arbitrary<unknown> => {
  const named = overrides[codec.name] ?? primitiveArbitraries[codec.name];
  if (named) return named;
  const c = codec as t.Mixed & { _tag?: string; min?: number; max?: number };
  if (typeof c.min === 'number' && typeof c.max === 'number') return fc.integer({ min: c.min, max: c.max });
  if (codec instanceof StructType) {
    const recurse = (props: Record<string, t.Mixed>) =>
      Object.fromEntries(
        Object.entries(props)
          .filter(([, p]) => p.name !== 'Forbidden')
          .map(([k, p]) => [k, arbitraryFor(p, overrides)]),
      );
    const required = recurse(codec.required);
    const optional = recurse(codec.optional);
    return fc.record({ ...required, ...optional }, { requiredKeys: Object.keys(required) });
  }
  if (codec instanceof OneOfType) return fc.constantFrom(...codec.values);
  if (codec instanceof PersonalInputType) return arbitraryFor(codec.plain, overrides);
  if (codec instanceof PersonalType)
    return fc.oneof(arbitraryFor(codec.plain, overrides), sealedValue, fc.constant({ erased: true }));
  if (codec instanceof NonEmptyArrayType)
    return fc.array(arbitraryFor(codec.item, overrides), { minLength: 1, maxLength: 3 });
  if (codec instanceof t.LiteralType) return fc.constant(codec.value);
  if (codec instanceof t.ArrayType) return fc.array(arbitraryFor(codec.type, overrides), { maxLength: 3 });
  if (codec instanceof t.DictionaryType)
    return fc.dictionary(
      arbitraryFor(codec.domain, overrides) as fc.Arbitrary<string>,
      arbitraryFor(codec.codomain, overrides),
      {
        minKeys: 1,
        maxKeys: 4,
      },
    );
  if (codec instanceof t.UnionType)
    return fc.oneof(...(codec.types as t.Mixed[]).map((m) => arbitraryFor(m, overrides)));
  if (codec instanceof t.InterfaceType)
    return fc.record(
      Object.fromEntries(
        Object.entries(codec.props as Record<string, t.Mixed>).map(([k, p]) => [k, arbitraryFor(p, overrides)]),
      ),
    );
  if (codec instanceof t.ExactType) return arbitraryFor(codec.type, overrides);
  if (codec instanceof t.BooleanType) return fc.boolean();
  if (codec instanceof t.StringType) return fc.string();
  if (codec instanceof t.NumberType) return fc.integer();
  if (codec instanceof t.KeyofType) return fc.constantFrom(...Object.keys(codec.keys));
  throw new Error(`No arbitrary for codec ${codec.name}; add one to the overrides.`);
};

/**
 * Every leaf path of a value that a codec checks, for the "one field made wrong" property:
 * setting any of them to a value of the wrong shape must be refused, naming that path.
 */
export const fieldPaths = (value: unknown, prefix: string[] = []): string[][] => {
  if (Array.isArray(value)) return value.flatMap((v, i) => fieldPaths(v, [...prefix, String(i)]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => fieldPaths(v, [...prefix, k]));
  return [prefix];
};

/** `value` with the field at `path` replaced, for checking that one wrong field is refused by its path. */
export const withFieldAt = (value: unknown, path: ReadonlyArray<string>, replacement: unknown): unknown => {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? withFieldAt(v, rest, replacement) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: withFieldAt(record[head], rest, replacement) };
};
