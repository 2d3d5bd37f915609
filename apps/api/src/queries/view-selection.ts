import type { CyclesView, DosageView, ShareView, TimelineView } from '@coachline/projections';

/** What a query selects of a view: one provider, one community. */
export interface Selection {
  readonly providerId?: string;
  readonly communityId?: string;
}

const keeps = (selection: Selection, providerId: string): boolean =>
  selection.providerId === undefined || selection.providerId === providerId;

/**
 * A query's selection applied to a view rendered whole, with the meaning each projection gives
 * its ViewQuery: a view is rendered once for every reader and each takes their part of it. The
 * evaluation is not among them: its summaries are counted over the providers selected, so it is
 * rendered for each selection.
 */
export const selectors = {
  dosage: (view: DosageView, selection: Selection): DosageView => {
    const providers = view.providers.filter((p) => keeps(selection, p.providerId));
    // One provider comes with their coach's figures alone.
    const coachId = selection.providerId === undefined ? undefined : providers[0]?.coachId;
    const coaches =
      selection.providerId === undefined ? view.coaches : view.coaches.filter((c) => c.coachId === coachId);
    return { ...view, providers, coaches };
  },
  timeline: (view: TimelineView, selection: Selection): TimelineView => ({
    ...view,
    providers: view.providers.filter(
      (p) =>
        keeps(selection, p.providerId) &&
        (selection.communityId === undefined || p.communityId === selection.communityId),
    ),
    // A provider asked for alone shows no community; a community asked for shows its providers too.
    communities:
      selection.providerId !== undefined && selection.communityId === undefined
        ? []
        : view.communities.filter(
            (c) => selection.communityId === undefined || c.communityId === selection.communityId,
          ),
  }),
  cycles: (view: CyclesView, selection: Selection): CyclesView => {
    const agreements = view.agreements.filter((a) => keeps(selection, a.providerId));
    return { ...view, agreements, behind: agreements.filter((a) => a.pace === 'behind').map((a) => a.agreementId) };
  },
  share: (view: ShareView, selection: Selection): ShareView => ({
    ...view,
    providers: view.providers.filter((p) => keeps(selection, p.providerId)),
  }),
} as const;

export type SelectableView = keyof typeof selectors;

export const isSelectable = (name: string): name is SelectableView => Object.hasOwn(selectors, name);

export const select = (name: SelectableView, view: unknown, selection: Selection): unknown =>
  (selectors[name] as (view: unknown, selection: Selection) => unknown)(view, selection);
