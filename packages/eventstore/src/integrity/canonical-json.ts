/**
 * RFC 8785, the JSON Canonicalization Scheme: one text for one JSON value, whatever key order or
 * number spelling it arrived in. Object members sorted by the UTF-16 code units of their names,
 * arrays in their order, strings escaped and numbers written as ECMAScript's JSON.stringify writes
 * them (the shortest form that reads back as the same double, -0 as 0), no whitespace.
 *
 * Written for the events the hash chain covers, small objects of strings and numbers of a few
 * recurring shapes: the sorted order and quoted names of each shape are kept (see `shapeOf`), and
 * the text is built by concatenation, which the engine keeps as one rope until it is hashed.
 */

/** A value with no JSON form, and the path to it from the value being serialized. */
class NotJson extends TypeError {
  readonly path: (string | number)[] = [];

  constructor(readonly kind: string) {
    super(`${kind} is not a JSON value`);
  }

  whereabouts(): string {
    const steps = this.path.map((step) =>
      typeof step === 'number' ? `[${step}]` : IDENTIFIER.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`,
    );
    return steps.length === 0 ? this.kind : `${this.kind} at ${steps.join('')}`;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Prepends the member or element being written to the path of a value that has no JSON form. */
const within = (error: unknown, step: string | number): unknown => {
  if (error instanceof NotJson) error.path.unshift(step);
  return error;
};

const notJson = (value: unknown): NotJson => {
  switch (typeof value) {
    case 'number':
      return new NotJson(Number.isNaN(value) ? 'NaN' : String(value));
    case 'bigint':
      return new NotJson(`a bigint (${String(value)}n)`);
    case 'function':
      return new NotJson('a function');
    case 'symbol':
      return new NotJson('a symbol');
    default:
      return new NotJson(typeof value);
  }
};

/** Sorts names in place by UTF-16 code units, which is how `<` compares strings and RFC 8785 orders names. */
const sortNames = (names: string[]): void => {
  // Past a couple of dozen names the engine's sort, which compares code units too, wins.
  if (names.length > 24) {
    names.sort();
    return;
  }
  for (let i = 1; i < names.length; i += 1) {
    const name = names[i]!;
    let j = i - 1;
    while (j >= 0 && names[j]! > name) {
      names[j + 1] = names[j]!;
      j -= 1;
    }
    names[j + 1] = name;
  }
};

/** An object's member names as Object.keys lists them, in canonical order, each quoted with what precedes it. */
interface Shape {
  readonly names: readonly string[];
  readonly sorted: readonly string[];
  /** `{"name":` for the first member written, `,"name":` for the others, by sorted index. */
  readonly opening: readonly string[];
  readonly following: readonly string[];
  readonly next: Shape | undefined;
}

// Events of one type share their shapes, so after the first few events every object's order and
// quoted names are found rather than sorted and quoted again. Shapes are found by their first and
// last names (optional fields come and go at the end), then compared name by name. Bounded, as
// names can come from outside (a table keyed by id is a new shape each time): past the bounds a
// shape is built, used and dropped.
const MAX_SHAPES = 4096;
const MAX_SHAPES_PER_ENDS = 8;
const shapesByEnds = new Map<string, Map<string, Shape>>();
let shapesKept = 0;

const sameNames = (kept: readonly string[], names: readonly string[]): boolean => {
  if (kept.length !== names.length) return false;
  for (let i = 0; i < names.length; i += 1) if (kept[i] !== names[i]) return false;
  return true;
};

const shapeOf = (names: string[]): Shape => {
  const firstName = names[0]!;
  const lastName = names[names.length - 1]!;
  const byLastName = shapesByEnds.get(firstName);
  const head = byLastName?.get(lastName);
  let chain = 0;
  for (let shape = head; shape !== undefined; shape = shape.next, chain += 1)
    if (sameNames(shape.names, names)) return shape;
  const sorted = names.slice();
  sortNames(sorted);
  const quoted = sorted.map((name) => `${JSON.stringify(name)}:`);
  const shape: Shape = {
    names,
    sorted,
    opening: quoted.map((name) => `{${name}`),
    following: quoted.map((name) => `,${name}`),
    next: head,
  };
  if (shapesKept < MAX_SHAPES && chain < MAX_SHAPES_PER_ENDS) {
    if (byLastName === undefined) shapesByEnds.set(firstName, new Map([[lastName, shape]]));
    else byLastName.set(lastName, shape);
    shapesKept += 1;
  }
  return shape;
};

// A string holding none of these is written as it is between quotes; any other goes through
// JSON.stringify, whose escaping (short escapes, \u00xx, lone surrogates as \udxxx) is RFC 8785's.
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;

function writeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return NEEDS_ESCAPING.test(value) ? JSON.stringify(value) : `"${value}"`;
    case 'number':
      // ECMAScript's Number-to-String is RFC 8785's number form, and writes -0 as "0".
      if (Number.isFinite(value)) return `${value}`;
      throw notJson(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? writeArray(value) : writeObject(value);
    default:
      throw notJson(value);
  }
}

function writeArray(array: readonly unknown[]): string {
  if (array.length === 0) return '[]';
  let index = 0;
  try {
    // An undefined element is refused rather than written as null, which would change the value.
    let text = `[${writeValue(array[0])}`;
    for (index = 1; index < array.length; index += 1) text += `,${writeValue(array[index])}`;
    return `${text}]`;
  } catch (error) {
    throw within(error, index);
  }
}

function writeObject(object: object): string {
  // A Date (or any value with toJSON) is written as JSON.stringify would write it.
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return writeValue(toJSON.call(object));
  const names = Object.keys(object);
  if (names.length === 0) return '{}';
  const shape = shapeOf(names);
  let text = '';
  let index = 0;
  try {
    for (; index < names.length; index += 1) {
      const member = (object as Record<string, unknown>)[shape.sorted[index]!];
      // A member holding undefined is left out, as JSON.stringify leaves it out: it is how an optional
      // field that was not given often arrives, and every JSON copy of the value drops it the same way.
      if (member === undefined) continue;
      text += (text === '' ? shape.opening[index]! : shape.following[index]!) + writeValue(member);
    }
  } catch (error) {
    throw within(error, shape.sorted[index]!);
  }
  return text === '' ? '{}' : `${text}}`;
}

/**
 * The RFC 8785 canonical text of a JSON value. Throws a TypeError naming what has no JSON form and
 * where (`${what} must be a JSON value: NaN at .scores[2].`): undefined (except as an object member,
 * which is left out), NaN and the infinities, bigints, functions and symbols.
 */
export const canonicalJsonText = (value: unknown, what: string): string => {
  try {
    return writeValue(value);
  } catch (error) {
    if (error instanceof NotJson) throw new TypeError(`${what} must be a JSON value: ${error.whereabouts()}.`);
    throw error;
  }
};
