declare const keyedByOutsideText: unique symbol;

const { hasOwnProperty } = Object.prototype;

/**
 * A JSON object keyed by text from outside: ids, above all. It has no prototype, so a key spelt
 * like a name `Object.prototype` carries (`__proto__`, `constructor`, `toString`) reads and
 * writes its own entry and nothing else, and an absent key reads as absent. The brand makes a
 * plain `{}` fail to type-check where a table is expected: tables come from `emptyTable`,
 * `tableOf` or `copyTable` only.
 *
 * Where no JSON shape is needed, a `Map` does the same job and is preferred.
 */
export type Table<T> = { [key: string]: T } & { readonly [keyedByOutsideText]: true };

/** An empty table to fill, made without a prototype, as no plain `{}` can be. */
export const emptyTable = <T>(): Table<T> => Object.create(null) as Table<T>;

/** A table from key and value pairs, such as ids read from outside. */
export const tableOf = <T>(entries: Iterable<readonly [string, T]>): Table<T> => {
  const table = emptyTable<T>();
  for (const [key, value] of entries) table[key] = value;
  return table;
};

/** A table with the own entries of an object, however that object was made (a JSON body, a decoded event). */
export const copyTable = <T>(source: Readonly<Record<string, T>>): Table<T> =>
  tableOf(Object.keys(source).map((key) => [key, source[key]!] as const));

/** The entry of an object under `key` if the object holds it itself: never what it inherits. */
export const entryOf = <T>(source: Readonly<Record<string, T>>, key: string): T | undefined =>
  hasOwnProperty.call(source, key) ? source[key] : undefined;

/**
 * JSON read back (a stored view, a checkpoint) with every object made a table: the shape JSON
 * gives has `Object.prototype` behind each object, and a stored view is keyed by ids.
 */
export const withoutPrototypes = <T>(json: T): T => {
  if (Array.isArray(json)) return json.map(withoutPrototypes) as T;
  if (typeof json !== 'object' || json === null) return json;
  const table = emptyTable<unknown>();
  for (const key of Object.keys(json)) table[key] = withoutPrototypes((json as Record<string, unknown>)[key]);
  return table as T;
};
