import { ID_RULE, NonEmptyArrayType, OneOfType, PersonalType, programGuides, StructType } from '@coachline/domain';
import * as t from 'io-ts';

/** One choice of a select: the value sent, and the words shown. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

interface Common {
  /** The field's name in its parent (`durationMinutes`); an entry of a list has its list's name. */
  readonly name: string;
  readonly label: string;
  readonly required: boolean;
  readonly help?: string;
}

/**
 * A form's shape, walked from a command's data codec: each node is one input, or a group of
 * them, and knows how its value becomes command data.
 */
export type FieldNode =
  | (Common & { readonly kind: 'text'; readonly multiline: boolean })
  | (Common & { readonly kind: 'date' })
  | (Common & { readonly kind: 'month' })
  | (Common & { readonly kind: 'number'; readonly min?: number; readonly max?: number; readonly integer: boolean })
  | (Common & {
      readonly kind: 'choice';
      readonly choices: ReadonlyArray<Choice>;
      /** What the chosen value is sent as: the word itself, a number, or true or false. */
      readonly sends: 'text' | 'number' | 'boolean';
    })
  | (Common & { readonly kind: 'checkbox' })
  | (Common & { readonly kind: 'list'; readonly item: FieldNode; readonly atLeastOne: boolean })
  | (Common & { readonly kind: 'group'; readonly fields: ReadonlyArray<FieldNode> })
  | (Common & { readonly kind: 'record'; readonly key: FieldNode; readonly value: FieldNode })
  | (Common & { readonly kind: 'variant'; readonly variants: ReadonlyArray<Variant> });

/** One member of a union: a fixed word, or a group of fields. */
export type Variant =
  | { readonly label: string; readonly literal: string | number | boolean }
  | { readonly label: string; readonly node: FieldNode };

export class UnformableCodecError extends Error {
  override readonly name = 'UnformableCodecError';
}

/** `durationMinutes` → "Duration minutes"; `year2Started` → "Year 2 started". */
export const labelOf = (name: string): string => {
  const words = name
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const HELP: Readonly<Record<string, string>> = {
  Id: `${ID_RULE.charAt(0).toUpperCase()}${ID_RULE.slice(1)}.`,
  Label: 'One line, at most 200 characters.',
  Sha256: '64 lowercase hex digits.',
  Instant: 'An instant with its zone, such as 2026-09-16T18:02:11.000Z.',
};

const YES_NO: ReadonlyArray<Choice> = [
  { value: 'true', label: 'yes' },
  { value: 'false', label: 'no' },
];

/** Fields whose id names something the domain itself lists: the guide of a program year. */
const KNOWN_CHOICES: Readonly<Record<string, () => ReadonlyArray<Choice>>> = {
  guideId: () => programGuides.map((guide) => ({ value: guide.guideId, label: guide.title })),
};

/** A codec written by `personalInput`: child data typed in, checked as its plain codec. */
const personalInputPlain = (codec: t.Mixed): { plain: t.Mixed; description: string } | undefined => {
  const candidate = codec as t.Mixed & { _tag?: string; plain?: t.Mixed; description?: string };
  return candidate._tag === 'PersonalInputType' && candidate.plain !== undefined
    ? { plain: candidate.plain, description: candidate.description ?? '' }
    : undefined;
};

/** The numbers a codec accepts when it is a closed list of them (the ASQ-SE2 age intervals). */
const closedNumbers = (codec: t.Mixed): ReadonlyArray<number> | undefined => {
  const probes = Array.from({ length: 121 }, (_, n) => n);
  const accepted = probes.filter((n) => codec.is(n));
  return accepted.length > 0 && accepted.length < 20 && !codec.is(1000) && !codec.is(0.5) ? accepted : undefined;
};

/** The forbidden field of a struct is never an input: the codec refuses any value there. */
const isForbidden = (codec: t.Mixed): boolean => codec.name === 'Forbidden';

/**
 * Walks a command's data codec into the form that fills it. A codec it does not know is an
 * error, never a silent text box.
 */
export const fieldTreeOf = (codec: t.Mixed, name = '', required = true): FieldNode => {
  const common = { name, label: labelOf(name), required };
  const known = KNOWN_CHOICES[name];
  if (known !== undefined && codec.name === 'Id') return { ...common, kind: 'choice', choices: known(), sends: 'text' };
  const personal = personalInputPlain(codec);
  if (personal !== undefined) return { ...fieldTreeOf(personal.plain, name, required), help: personal.description };
  if (codec instanceof PersonalType) return fieldTreeOf(codec.plain, name, required);
  switch (codec.name) {
    case 'Id':
    case 'Label':
    case 'Sha256':
    case 'Instant':
      return { ...common, kind: 'text', multiline: false, help: HELP[codec.name] };
    case 'Text':
      return { ...common, kind: 'text', multiline: true };
    case 'LocalDate':
      return { ...common, kind: 'date' };
    case 'Month':
      return { ...common, kind: 'month' };
    case 'PositiveInteger':
      return { ...common, kind: 'number', min: 1, integer: true };
    case 'NonNegativeInteger':
      return { ...common, kind: 'number', min: 0, integer: true };
    case 'FiniteNumber':
      return { ...common, kind: 'number', integer: false };
  }
  const bounded = codec as t.Mixed & { min?: unknown; max?: unknown };
  if (typeof bounded.min === 'number' && typeof bounded.max === 'number')
    return { ...common, kind: 'number', min: bounded.min, max: bounded.max, integer: true };
  if (codec instanceof StructType)
    return {
      ...common,
      kind: 'group',
      fields: [
        ...Object.entries(codec.required as Record<string, t.Mixed>)
          .filter(([, inner]) => !isForbidden(inner))
          .map(([key, inner]) => fieldTreeOf(inner, key, true)),
        ...Object.entries(codec.optional as Record<string, t.Mixed>)
          .filter(([, inner]) => !isForbidden(inner))
          .map(([key, inner]) => fieldTreeOf(inner, key, false)),
      ],
    };
  if (codec instanceof OneOfType)
    return {
      ...common,
      kind: 'choice',
      choices: codec.values.map((value) => ({ value, label: value })),
      sends: 'text',
    };
  if (codec instanceof NonEmptyArrayType)
    return { ...common, kind: 'list', item: fieldTreeOf(codec.item, name, true), atLeastOne: true };
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType)
    return { ...common, kind: 'list', item: fieldTreeOf(codec.type as t.Mixed, name, true), atLeastOne: false };
  if (codec instanceof t.ReadonlyType || codec instanceof t.ExactType)
    return fieldTreeOf(codec.type as t.Mixed, name, required);
  if (codec instanceof t.DictionaryType)
    return {
      ...common,
      kind: 'record',
      key: fieldTreeOf(codec.domain, 'name', true),
      value: fieldTreeOf(codec.codomain, 'value', true),
    };
  if (codec instanceof t.UnionType)
    return {
      ...common,
      kind: 'variant',
      variants: (codec.types as t.Mixed[]).map((member): Variant => {
        if (member instanceof t.LiteralType) return { label: String(member.value), literal: member.value };
        return { label: labelOf(member.name), node: fieldTreeOf(member, name, true) };
      }),
    };
  if (codec instanceof t.BooleanType)
    // A checkbox cannot say "unchanged": an optional yes or no is a choice that may be left empty.
    return required
      ? { ...common, kind: 'checkbox' }
      : { ...common, kind: 'choice', choices: YES_NO, sends: 'boolean' };
  if (codec instanceof t.StringType) return { ...common, kind: 'text', multiline: false };
  if (codec instanceof t.NumberType) return { ...common, kind: 'number', integer: false };
  const numbers = closedNumbers(codec);
  if (numbers !== undefined)
    return {
      ...common,
      kind: 'choice',
      choices: numbers.map((n) => ({ value: String(n), label: String(n) })),
      sends: 'number',
    };
  throw new UnformableCodecError(`No form input for the codec ${codec.name} of ${name || 'the command'}.`);
};
