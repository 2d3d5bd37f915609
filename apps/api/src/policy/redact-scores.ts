/** Removes every `scores` field from a value, however deep (observation scores, rule 5). */
export const withoutScores = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutScores);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'scores')
      .map(([key, inner]) => [key, withoutScores(inner)]),
  );
};
