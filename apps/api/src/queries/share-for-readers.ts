import { emptyTable, entryOf, tableOf } from '@coachline/domain';
import { Projection, shareProjection, ShareView } from '@coachline/projections';
import { KeptRenderings } from './kept-renderings';
import { ProviderOwners } from './provider-owners';

/** Where the runner says an entry of the share last changed (its `entryPosition` for this view). */
export type ShareEntryPosition = (table: string, id: string) => number;

type ShareState = Parameters<(typeof shareProjection)['apply']>[0];

/**
 * The share as the API keeps it for readers. A provider's share reads that provider's entry and
 * the agreements it owns alone, whatever the moment, so one provider asked for has the state
 * narrowed to those first, which renders the same view; that rendering is kept and given again
 * until one of those entries changes. A coach's share is put together from their providers'
 * (see `ReadViewHandler`), so other providers' sessions leave it as it was. Only `asOf`, the
 * latest instant folded, is brought up to date.
 */
export const shareForReaders = (entryPosition: ShareEntryPosition): Projection<ShareState, ShareView> => {
  const owners = new ProviderOwners(['agreements'] as const, shareProjection.subjects!.changedBy);
  // Renders lazily: `renderOne` is defined below.
  const kept = new KeptRenderings<ShareState, ShareView>((state, providerId, asOf) =>
    renderOne(state, providerId, asOf),
  );

  const stampOf = (state: ShareState, providerId: string): string => {
    const agreements = owners.of(state, providerId);
    let owned = 0;
    for (const [table, id] of agreements) owned = Math.max(owned, entryPosition(table, id));
    return `${entryPosition('providers', providerId)}/${agreements.length}/${owned}`;
  };

  const renderOne = (state: ShareState, providerId: string, asOf: string): ShareView => {
    const provider = entryOf(state.providers, providerId);
    return shareProjection.view(
      {
        ...state,
        providers: provider === undefined ? emptyTable() : tableOf([[providerId, provider]]),
        agreements: tableOf(owners.of(state, providerId).map(([, id]) => [id, state.agreements[id]!] as const)),
      },
      { asOf, providerId },
    );
  };

  return {
    ...shareProjection,
    apply: (state, event) => {
      const folded = shareProjection.apply(state, event);
      owners.folded(folded, event);
      return folded;
    },
    view: (state, query) => {
      if (query.providerId === undefined || query.communityId !== undefined) return shareProjection.view(state, query);
      return kept.renderingOf(state, query.providerId, query.asOf, stampOf(state, query.providerId));
    },
  };
};
