/** Ids and dates compare as plain strings: the order is the same on every machine and locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts a copy, so that rendering never reorders what a fold keeps. */
export const sortedBy = <T>(items: Iterable<T>, ...keys: ReadonlyArray<(item: T) => string | number>): T[] =>
  [...items].sort((a, b) => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
    }
    return 0;
  });
