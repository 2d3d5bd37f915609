/** One side of a difference: the value found there, or nothing at all. */
export type Side = { readonly present: true; readonly value: unknown } | { readonly present: false };

/** Where two JSON values first part, and what each holds there. */
export interface ValueDifference {
  /** Object keys and array indexes from the root down. */
  readonly path: ReadonlyArray<string | number>;
  readonly stored: Side;
  readonly rebuilt: Side;
}

/** Deeper than any view nests: a stored value nested further is reported there, not walked into. */
export const MAX_DEPTH = 256;

const ABSENT: Side = { present: false };
const present = (value: unknown): Side => ({ present: true, value });
const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The first place, depth first in the rebuilt value's own order, where a stored JSON value and
 * the one rebuilt from the events differ; `undefined` when they are the same. Object keys are
 * compared as sets (key order means nothing in a view), arrays element by element. Only own keys
 * count, whatever their names.
 */
export const firstDifference = (stored: unknown, rebuilt: unknown): ValueDifference | undefined => {
  const path: Array<string | number> = [];
  const at = (key: string | number, storedSide: Side, rebuiltSide: Side): ValueDifference => ({
    path: [...path, key],
    stored: storedSide,
    rebuilt: rebuiltSide,
  });
  const walk = (a: unknown, b: unknown): ValueDifference | undefined => {
    if (path.length >= MAX_DEPTH)
      return a === b ? undefined : { path: [...path], stored: present(a), rebuilt: present(b) };
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let index = 0; index < Math.max(a.length, b.length); index++) {
        if (index >= a.length) return at(index, ABSENT, present(b[index]));
        if (index >= b.length) return at(index, present(a[index]), ABSENT);
        path.push(index);
        const found = walk(a[index], b[index]);
        path.pop();
        if (found) return found;
      }
      return undefined;
    }
    if (isObject(a) && isObject(b)) {
      for (const key of Object.keys(b)) {
        if (!Object.hasOwn(a, key)) return at(key, ABSENT, present(b[key]));
        path.push(key);
        const found = walk(a[key], b[key]);
        path.pop();
        if (found) return found;
      }
      for (const key of Object.keys(a)) if (!Object.hasOwn(b, key)) return at(key, present(a[key]), ABSENT);
      return undefined;
    }
    return a === b ? undefined : { path: [...path], stored: present(a), rebuilt: present(b) };
  };
  return walk(stored, rebuilt);
};
