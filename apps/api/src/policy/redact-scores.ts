import { tableOf } from '@coachline/domain';

/** Removes every `scores` field from a value, however deep (observation scores, rule 5). Keys may be ids: the copies are tables. */
export const withoutScores = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutScores);
  if (typeof value !== 'object' || value === null) return value;
  return tableOf(
    Object.entries(value)
      .filter(([key]) => key !== 'scores')
      .map(([key, inner]) => [key, withoutScores(inner)] as const),
  );
};
