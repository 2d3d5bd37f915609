import * as t from 'io-ts';
import { struct } from './struct';
import { tableOf } from './table';

/**
 * The primitive shapes of the event catalogue. Each is a named, branded refinement so a
 * decoding failure says what was expected ("a calendar date YYYY-MM-DD"), not "string".
 */
const refine = <A, N extends string>(
  base: t.Type<A, A, unknown>,
  predicate: (a: A) => boolean,
  name: N,
  message: string,
): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A => base.is(u) && predicate(u),
    (u, c) => (base.is(u) && predicate(u) ? t.success(u) : t.failure(u, c, `expected ${message}, got ${show(u)}`)),
    (a) => a,
  );

const show = (u: unknown): string => {
  if (u === undefined) return 'nothing';
  const text = JSON.stringify(u) ?? String(u);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written in ASCII digits at `from`, `count` of them (the patterns have checked they are digits). */
const digitsAt = (s: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

const dayExists = (y: number, mo: number, d: number): boolean => {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
};

/** True for real calendar dates only: 2025-09-31 and 2026-02-29 are refused. */
export const isCalendarDate = (s: string): boolean =>
  // The pattern fixes where year, month and day stand: read from there, with no match array per date.
  DATE.test(s) && dayExists(digitsAt(s, 0, 4), digitsAt(s, 5, 2), digitsAt(s, 8, 2));

/** A local calendar date, `YYYY-MM-DD`: when something was held, signed, completed. */
export const LocalDate = refine(t.string, isCalendarDate, 'LocalDate', 'a calendar date YYYY-MM-DD');
export type LocalDate = t.TypeOf<typeof LocalDate>;

/** Exported with the other grammars so the API's document states them from here. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A calendar month, `YYYY-MM`. */
export const Month = refine(t.string, (s) => MONTH_PATTERN.test(s), 'Month', 'a month YYYY-MM');
export type Month = t.TypeOf<typeof Month>;

/** An ISO 8601 instant with its offset: a moment without a zone would be ambiguous in an audit. */
export const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Checked by its parts rather than by Date.parse: this runs on every event of every replay. */
const isInstant = (s: string): boolean =>
  INSTANT_PATTERN.test(s) && dayExists(digitsAt(s, 0, 4), digitsAt(s, 5, 2), digitsAt(s, 8, 2));
/** An ISO-8601 instant with a zone: when the program learned of something. */
export const Instant = refine(t.string, isInstant, 'Instant', 'an ISO-8601 instant such as 2025-09-16T18:02:11.000Z');
export type Instant = t.TypeOf<typeof Instant>;

/**
 * The one grammar of ids: 1 to 128 ASCII letters, digits and `-_.:`. Ids become stream names,
 * keys of views and grant tables, path segments and log fields, so they carry no spaces, line
 * breaks or markup, and a length means the same in every encoding.
 */
export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const ID_MAX_LENGTH = 128;

/**
 * Names an ordinary JavaScript object answers to by inheritance. An id spelled like one of them
 * would reach `Object.prototype` wherever it keys a plain object, so none is an id.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** The longest reserved name: an id longer than it (a UUID) needs no look-up, which would hash it. */
const LONGEST_RESERVED_ID = Math.max(...[...RESERVED_IDS].map((name) => name.length));

/** True when `s` follows the id grammar and is not a reserved name. */
export const isId = (s: string): boolean =>
  ID_PATTERN.test(s) && (s.length > LONGEST_RESERVED_ID || !RESERVED_IDS.has(s));

/** The id grammar in words, quoted in every refusal of an id. */
export const ID_RULE = `an id of 1 to ${ID_MAX_LENGTH} letters, digits and -_.: (not a name such as __proto__ or constructor)`;

/** Ids are chosen by the caller, within the id grammar. */
export const Id = refine(t.string, isId, 'Id', ID_RULE);
export type Id = t.TypeOf<typeof Id>;

/**
 * True when `s` has at most `max` characters, counted as code points (as JSON Schema counts
 * them), so an emoji is one character; a string short in UTF-16 units is short in code points.
 */
const withinCharacters = (s: string, max: number): boolean =>
  s.length <= max || (s.length <= 2 * max && [...s].length <= max);

/** Free text a person wrote: a name, a reason, a sentence. Never blank, never a novel. */
export const Text = refine(
  t.string,
  (s) => withinCharacters(s, 10_000) && /\S/.test(s),
  'Text',
  'a non-blank text of at most 10000 characters',
);
export type Text = t.TypeOf<typeof Text>;

/** A list of sentences (strengths, next steps, action plan steps). */
export const Sentences = t.array(Text, 'Sentences');

/** Ids of several records (attendees, sessions). */
export const Ids = t.array(Id, 'Ids');

/**
 * A name from a list the program chose: a practice, a strategy. Shown and counted, never a key
 * of a grant; one line, so a table cell or a log field holds it whole.
 */
/** One line, not starting or ending with a space. */
export const LABEL_PATTERN = /^[^\s](?:[^\n\r\u2028\u2029]*[^\s])?$/;
/** Room for any name a program gives a practice or a strategy, and no more. */
export const LABEL_MAX_LENGTH = 200;

/** The codec of a label: one line, trimmed, at most `LABEL_MAX_LENGTH` characters. */
export const Label = refine(
  t.string,
  (s) => LABEL_PATTERN.test(s) && withinCharacters(s, LABEL_MAX_LENGTH),
  'Label',
  'a name of at most 200 characters on one line, without surrounding spaces',
);
/** `Label` as decoded. */
export type Label = t.TypeOf<typeof Label>;

/** Names from a list the program chose (practices, strategies). */
export const Labels = t.array(Label, 'Labels');

/** A whole number of at least one, for counts and durations that cannot be nothing. */
export const PositiveInteger = refine(
  t.number,
  (n) => Number.isSafeInteger(n) && n > 0,
  'PositiveInteger',
  'a positive integer',
);

/** A whole number of at least zero, for counts that may be nothing yet. */
export const NonNegativeInteger = refine(
  t.number,
  (n) => Number.isSafeInteger(n) && n >= 0,
  'NonNegativeInteger',
  'a non-negative integer',
);

/** A number JSON can carry: NaN and the infinities would not come back from the store as written. */
export const FiniteNumber = refine(t.number, Number.isFinite, 'FiniteNumber', 'a finite number');

/** A bounded integer, as used for step numbers, cycle counts and durations. */
export const IntegerBetween = (min: number, max: number, name: string) =>
  Object.assign(
    refine(t.number, (n) => Number.isSafeInteger(n) && n >= min && n <= max, name, `an integer from ${min} to ${max}`),
    { min, max },
  );

/** A document kept outside the event store, pinned by its content hash. */
export const Sha256 = refine(t.string, (s) => /^[0-9a-f]{64}$/.test(s), 'Sha256', '64 lowercase hex digits');

/** A document kept outside the store: where it is, and the hash that shows it unchanged. */
export const DocumentRef = struct('DocumentRef', { uri: Text, sha256: Sha256 });

/** One of a closed list of words; the failure lists the words allowed. */
export class OneOfType<L extends string> extends t.Type<L, L, unknown> {
  readonly _tag = 'OneOfType' as const;
  constructor(
    name: string,
    readonly values: ReadonlyArray<L>,
  ) {
    const allowed = new Set<unknown>(values);
    super(
      name,
      (u): u is L => allowed.has(u),
      (u, c) =>
        allowed.has(u) ? t.success(u as L) : t.failure(u, c, `expected one of ${values.join(' | ')}, got ${show(u)}`),
      (a) => a,
    );
  }
}

/** A codec of a closed list of words whose refusal lists the words allowed. */
export const oneOf = <L extends string>(name: string, ...values: [L, ...L[]]): OneOfType<L> =>
  new OneOfType(name, values);

/** A list that must hold at least one entry (goals of a plan, ages served, facilitators). */
export class NonEmptyArrayType<C extends t.Mixed> extends t.Type<Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown> {
  readonly _tag = 'NonEmptyArrayType' as const;
  constructor(
    name: string,
    readonly item: C,
  ) {
    const list = t.array(item);
    super(
      name,
      (u): u is Array<t.TypeOf<C>> => list.is(u) && u.length > 0,
      (u, c) =>
        Array.isArray(u) && u.length === 0
          ? t.failure(u, c, `expected at least one entry, got []`)
          : list.validate(u, c),
      (a) => list.encode(a),
    );
  }
}

/** A list codec whose refusal of an empty list says so, rather than naming an entry. */
export const nonEmptyArray = <C extends t.Mixed>(item: C, name = `NonEmpty<${item.name}>`): NonEmptyArrayType<C> =>
  new NonEmptyArrayType(name, item);

/**
 * A map that must hold at least one entry (observation scores, benchmark ratings). It is a
 * `DictionaryType`, so everything that walks codecs treats it as the record it is.
 */
export const nonEmptyRecord = <D extends t.Mixed, C extends t.Mixed>(domain: D, codomain: C, name: string) => {
  const record = t.record(domain, codomain);
  // io-ts passes over keys outside the domain (and drops them when it decodes): here each one
  // is refused by name, as any other wrong field is.
  const keysFit = (u: object): boolean => Object.keys(u).every((key) => domain.is(key));
  return new t.DictionaryType<D, C, t.TypeOf<typeof record>, t.OutputOf<typeof record>, unknown>(
    name,
    (u): u is t.TypeOf<typeof record> => record.is(u) && Object.keys(u).length > 0 && keysFit(u),
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return record.validate(u, c);
      if (Object.keys(u).length === 0) return t.failure(u, c, 'expected at least one entry, got {}');
      const errors = Object.keys(u).flatMap((key) => {
        const checked = domain.validate(key, t.appendContext(c, key, domain, key));
        return checked._tag === 'Left' ? checked.left : [];
      });
      const values = record.validate(u, c);
      if (values._tag === 'Left') errors.push(...values.left);
      return errors.length > 0 ? t.failures(errors) : values;
    },
    // Every key is kept: an event stored before its keys were checked reads back as it was written.
    (a) => tableOf(Object.keys(a).map((key) => [key, codomain.encode((a as Record<string, unknown>)[key])] as const)),
    domain,
    codomain,
  );
};
