import { NonEmptyArrayType, OneOfType, PersonalType, StructType } from '@coachline/domain';
import * as t from 'io-ts';

/** Words a reader of the catalogue understands, for the codecs the domain is built from. */
const primitiveWords: ReadonlyMap<string, string> = new Map([
  ['LocalDate', 'date `YYYY-MM-DD`'],
  ['Month', 'month `YYYY-MM`'],
  ['Instant', 'instant (ISO-8601)'],
  ['Id', 'id (`A-Za-z0-9._:-`, 1–128)'],
  ['Text', 'text'],
  ['Sentences', 'list of sentences'],
  ['Ids', 'list of ids'],
  ['Label', 'name'],
  ['Labels', 'list of names'],
  ['PositiveInteger', 'positive integer'],
  ['NonNegativeInteger', 'integer ≥ 0'],
  ['FiniteNumber', 'number'],
  ['Sha256', 'SHA-256 (hex)'],
]);

export interface FieldRow {
  readonly path: string;
  readonly shape: string;
  readonly required: boolean;
  readonly note?: string;
}

/** A one-line description of a codec's shape. */
export const describeShape = (codec: t.Mixed): string => {
  const c = codec as t.Mixed & { min?: number; max?: number };
  const word = primitiveWords.get(codec.name);
  if (word !== undefined) return word;
  if (typeof c.min === 'number' && typeof c.max === 'number') return `integer ${c.min}–${c.max}`;
  if (codec instanceof OneOfType) return codec.values.map((v) => `\`${v}\``).join(' \\| ');
  if (codec instanceof PersonalType)
    return `${describeShape(codec.plain)}, child data: stored sealed \`{ "sealed": { keyId, iv, tag, ciphertext } }\`, read as \`{ "erased": true }\` once erased`;
  if (codec instanceof StructType) return 'object';
  if (codec instanceof NonEmptyArrayType) return `list of ${describeShape(codec.item)} (at least one)`;
  if (codec instanceof t.ArrayType) return `list of ${describeShape(codec.type)}`;
  if (codec instanceof t.DictionaryType)
    return `map of ${describeShape(codec.domain)} → ${describeShape(codec.codomain)}`;
  if (codec instanceof t.LiteralType) return `\`${JSON.stringify(codec.value)}\``;
  if (codec instanceof t.UnionType) return (codec.types as t.Mixed[]).map(describeShape).join(' or ');
  if (codec instanceof t.BooleanType) return 'true or false';
  if (codec.name === 'Forbidden') return 'never present';
  return codec.name;
};

/** Every field of a struct codec, nested fields by dotted path. */
export const describeFields = (codec: t.Mixed, prefix = ''): FieldRow[] => {
  if (!(codec instanceof StructType)) return [];
  const rows: FieldRow[] = [];
  const add = (props: Record<string, t.Mixed>, required: boolean) => {
    for (const [name, field] of Object.entries(props)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const note = field.name === 'Forbidden' ? forbiddenReason(field) : undefined;
      rows.push({ path, shape: describeShape(field), required, ...(note ? { note } : {}) });
      const inner = field instanceof NonEmptyArrayType ? field.item : field instanceof t.ArrayType ? field.type : field;
      const innerPrefix = inner === field ? path : `${path}[]`;
      rows.push(...describeFields(inner, innerPrefix));
      if (field instanceof t.UnionType)
        for (const member of field.types as t.Mixed[]) rows.push(...describeFields(member, path));
    }
  };
  add(codec.required, true);
  add(codec.optional, false);
  return rows;
};

const forbiddenReason = (codec: t.Mixed): string | undefined => {
  const result = codec.decode('probe');
  return result._tag === 'Left' ? result.left[0]?.message : undefined;
};
