import type { CyclesView, DosageView, ShareView, TimelineView } from '@coachline/projections';

/** The part of the program an actor may see: some providers, and for a coach their own coach record. */
export interface Reach {
  readonly providers: ReadonlySet<string>;
  readonly coachId?: string;
}

/**
 * Narrows a view to the providers within reach. Parts of a view that are not about providers
 * (community requirements) are left out, and a coach keeps only their own coach figures.
 */
export const narrowers = {
  dosage: (view: DosageView, reach: Reach): DosageView => ({
    ...view,
    providers: view.providers.filter((p) => reach.providers.has(p.providerId)),
    coaches: view.coaches.filter((c) => c.coachId === reach.coachId),
  }),
  timeline: (view: TimelineView, reach: Reach): TimelineView => ({
    ...view,
    providers: view.providers.filter((p) => reach.providers.has(p.providerId)),
    communities: [],
  }),
  cycles: (view: CyclesView, reach: Reach): CyclesView => {
    const agreements = view.agreements.filter((a) => reach.providers.has(a.providerId));
    const kept = new Set(agreements.map((a) => a.agreementId));
    return { ...view, agreements, behind: view.behind.filter((id) => kept.has(id)) };
  },
  share: (view: ShareView, reach: Reach): ShareView => ({
    ...view,
    providers: view.providers.filter((p) => reach.providers.has(p.providerId)),
  }),
} as const;

export type NarrowedView = keyof typeof narrowers;

export const isNarrowed = (view: string): view is NarrowedView => Object.hasOwn(narrowers, view);

export const narrow = (name: NarrowedView, view: unknown, reach: Reach): unknown =>
  (narrowers[name] as (view: unknown, reach: Reach) => unknown)(view, reach);
