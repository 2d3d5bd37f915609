import type { FieldNode } from './field-tree';

/** One row of a record's inputs: the name typed, and its value. */
export interface RecordRow {
  readonly key: string;
  readonly value: FormValue;
}

/** Which member of a union is chosen, and the value of its fields. */
export interface VariantValue {
  readonly variant: number;
  readonly value: FormValue;
}

/**
 * What a form holds while it is filled in, shaped like its field tree: inputs hold text as typed
 * (a number too, so an empty box stays empty), checkboxes hold booleans.
 */
export type FormValue =
  | string
  | boolean
  | ReadonlyArray<FormValue>
  | ReadonlyArray<RecordRow>
  | VariantValue
  | { readonly [field: string]: FormValue };

type Group = { readonly [field: string]: FormValue };

/** The value of a form not yet touched: every box empty, one entry in each list the command needs. */
export const emptyValue = (node: FieldNode): FormValue => {
  switch (node.kind) {
    case 'checkbox':
      return false;
    case 'list':
      // A list the command needs starts with one entry to fill in; an empty entry is never sent.
      return node.atLeastOne || node.required ? [emptyValue(node.item)] : [];
    case 'group':
      return Object.fromEntries(node.fields.map((field) => [field.name, emptyValue(field)]));
    case 'record':
      return node.required ? [{ key: '', value: emptyValue(node.value) }] : [];
    case 'variant': {
      const first = node.variants[0];
      return { variant: 0, value: first !== undefined && 'node' in first ? emptyValue(first.node) : '' };
    }
    default:
      return '';
  }
};

const asText = (value: FormValue): string => (typeof value === 'string' ? value : '');
const asList = (value: FormValue): ReadonlyArray<FormValue> => (Array.isArray(value) ? value : []);
/** A record's rows: a list whose entries are rows. */
export const asRows = (value: FormValue): ReadonlyArray<RecordRow> =>
  (Array.isArray(value) ? value : []) as unknown as ReadonlyArray<RecordRow>;
const asGroup = (value: FormValue): Group =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Group) : {};
const asVariant = (value: FormValue): VariantValue => {
  const candidate = value as Partial<VariantValue>;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.variant === 'number'
    ? (candidate as VariantValue)
    : { variant: 0, value: '' };
};

/** A number typed in; text that is no number is kept, so the codec names it as it was typed. */
const numberOf = (text: string): number | string => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
};

/**
 * The command data a form's values stand for: an empty box is left out (the codec then names a
 * required field as missing), an optional group or list with nothing in it is left out, and a
 * record's names key a null-prototype object, as text typed by a person must.
 */
export const dataOf = (node: FieldNode, value: FormValue): unknown => {
  switch (node.kind) {
    case 'text':
    case 'date':
    case 'month': {
      const text = asText(value);
      return text === '' ? undefined : text;
    }
    case 'number': {
      const text = asText(value);
      return text === '' ? undefined : numberOf(text);
    }
    case 'choice': {
      const text = asText(value);
      if (text === '') return undefined;
      if (node.sends === 'boolean') return text === 'true';
      return node.sends === 'number' ? numberOf(text) : text;
    }
    case 'checkbox':
      return value === true;
    case 'list': {
      const entries = asList(value)
        .map((entry) => dataOf(node.item, entry))
        .filter((entry) => entry !== undefined);
      return entries.length === 0 && !node.required ? undefined : entries;
    }
    case 'group': {
      const group = asGroup(value);
      const data: Record<string, unknown> = {};
      for (const field of node.fields) {
        const fieldValue = group[field.name];
        const fieldData = fieldValue === undefined ? undefined : dataOf(field, fieldValue);
        if (fieldData !== undefined) data[field.name] = fieldData;
      }
      return Object.keys(data).length === 0 && !node.required ? undefined : data;
    }
    case 'record': {
      const data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      let entries = 0;
      for (const row of asRows(value)) {
        const rowValue = dataOf(node.value, row.value);
        if (row.key === '' && rowValue === undefined) continue;
        data[row.key] = rowValue;
        entries += 1;
      }
      return entries === 0 && !node.required ? undefined : data;
    }
    case 'variant': {
      const chosen = asVariant(value);
      const variant = node.variants[chosen.variant];
      if (variant === undefined) return undefined;
      return 'literal' in variant ? variant.literal : dataOf(variant.node, chosen.value);
    }
  }
};

/**
 * Every path a refusal may name that the form shows beside an input or a group, for the values
 * as they are: a path outside this set is shown above the form.
 */
export const pathsOf = (node: FieldNode, value: FormValue, path: string): ReadonlyArray<string> => {
  switch (node.kind) {
    case 'list':
      return [path, ...asList(value).flatMap((entry, i) => pathsOf(node.item, entry, `${path}.${i}`))];
    case 'group': {
      const group = asGroup(value);
      return [
        path,
        ...node.fields.flatMap((field) =>
          pathsOf(field, group[field.name] ?? emptyValue(field), `${path}.${field.name}`),
        ),
      ];
    }
    case 'record':
      return [path, ...asRows(value).map((row) => `${path}.${row.key}`)];
    case 'variant': {
      const chosen = asVariant(value);
      const variant = node.variants[chosen.variant];
      return variant !== undefined && 'node' in variant ? [path, ...pathsOf(variant.node, chosen.value, path)] : [path];
    }
    default:
      return [path];
  }
};

/**
 * The form's values with the top-level fields the page's address names filled in
 * (`?providerId=p-017`), when the field is one box of text.
 */
export const prefilled = (node: FieldNode, value: FormValue, known: ReadonlyMap<string, string>): FormValue => {
  if (node.kind !== 'group') return value;
  const group: Record<string, FormValue> = { ...asGroup(value) };
  for (const field of node.fields) {
    const text = known.get(field.name);
    if (text === undefined) continue;
    if (['text', 'date', 'month', 'number', 'choice'].includes(field.kind)) group[field.name] = text;
  }
  return group;
};
