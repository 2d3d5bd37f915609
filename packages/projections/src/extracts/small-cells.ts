import { compareText } from '../ordering';

/**
 * The groups of one breakdown (communities, cohorts) whose counts must not be shown. Every group
 * of fewer than `threshold` providers is hidden; and while the hidden groups together cover fewer
 * than `threshold` providers, the smallest shown group is hidden too, so that no small group can be
 * worked out by subtracting the shown groups from the total.
 */
export const hiddenGroups = (providersPerGroup: ReadonlyMap<string, number>, threshold: number): Set<string> => {
  const hidden = new Set(
    [...providersPerGroup].filter(([, providers]) => providers < threshold).map(([group]) => group),
  );
  if (hidden.size === 0) return hidden;
  let covered = [...hidden].reduce((sum, group) => sum + providersPerGroup.get(group)!, 0);
  const shown = [...providersPerGroup]
    .filter(([group]) => !hidden.has(group))
    .sort(([a, x], [b, y]) => x - y || compareText(a, b));
  for (const [group, providers] of shown) {
    if (covered >= threshold) break;
    hidden.add(group);
    covered += providers;
  }
  return hidden;
};

/** A count as the extract writes it: the number, or null marked as suppressed. */
export const cell = (value: number, suppressed: boolean): { value: number | null; suppressed: boolean } =>
  suppressed ? { value: null, suppressed: true } : { value, suppressed: false };
