import { emptyTable, entryOf, tableOf } from '@coachline/domain';
import { Projection, timelineProjection, TimelineState, TimelineView } from '@coachline/projections';
import { KeptRenderings } from './kept-renderings';
import { ProviderOwners } from './provider-owners';

/** Where the runner says an entry of the timeline last changed (its `entryPosition` for this view). */
export type TimelineEntryPosition = (table: string, id: string) => number;

/** The tables whose entries belong to a provider named in them, and meet that provider's requirements. */
const OWNED_TABLES = ['screenings', 'agreements'] as const;

const SEPARATOR = '\u0000';

/**
 * The timeline as the API keeps it for readers. Rendering works out every requirement of every
 * provider before it selects, tens of milliseconds on a long history; a reader asking for one
 * provider has the state narrowed to that provider and what it owns first, which renders the same
 * view. That rendering is kept, and given again until an entry it read changes (the provider's,
 * its program year's, its community's, one of its screenings' or agreements') or the day it is measured on moves:
 * other providers' sessions leave it as it was. Only `asOf`, the latest instant folded, is
 * brought up to date.
 */
export const timelineForReaders = (
  entryPosition: TimelineEntryPosition,
): Projection<TimelineState, TimelineView> & { readonly keptRenderings: () => number } => {
  const owners = new ProviderOwners(OWNED_TABLES, timelineProjection.subjects!.changedBy);
  // Renders lazily: `renderOne` is defined below.
  const kept = new KeptRenderings<TimelineState, TimelineView>((state, providerId, asOf) =>
    renderOne(state, providerId, asOf),
  );

  const stampOf = (state: TimelineState, providerId: string, asOf: string): string => {
    const provider = entryOf(state.providers, providerId);
    const programYearId = provider?.enrollment?.programYearId;
    const communityId = provider?.enrollment?.communityId;
    let owned = 0;
    for (const [table, id] of owners.of(state, providerId)) owned = Math.max(owned, entryPosition(table, id));
    // The day the requirements are measured on: the timeline's `on`.
    return [
      asOf.slice(0, 10),
      entryPosition('providers', providerId),
      programYearId === undefined ? '' : entryPosition('programYears', programYearId),
      // The modules the community held set the provider's coaching focus, though the provider attended none.
      communityId === undefined ? '' : entryPosition('communities', communityId),
      owners.of(state, providerId).length,
      owned,
    ].join(SEPARATOR);
  };

  const renderOne = (state: TimelineState, providerId: string, asOf: string): TimelineView => {
    const provider = entryOf(state.providers, providerId);
    const ownedBy = (table: (typeof OWNED_TABLES)[number]) =>
      tableOf(
        owners
          .of(state, providerId)
          .filter(([owner]) => owner === table)
          .map(([, id]) => [id, state[table][id]!] as const),
      );
    return timelineProjection.view(
      {
        ...state,
        providers: provider === undefined ? emptyTable() : tableOf([[providerId, provider]]),
        screenings: ownedBy('screenings'),
        agreements: ownedBy('agreements'),
      },
      { asOf, providerId },
    );
  };

  return {
    ...timelineProjection,
    apply: (state, event) => {
      const folded = timelineProjection.apply(state, event);
      owners.folded(folded, event);
      return folded;
    },
    view: (state, query) => {
      if (query.providerId === undefined) return timelineProjection.view(state, query);
      if (query.communityId !== undefined) {
        // A community asked for shows its communities' requirements, read from the whole state.
        const provider = entryOf(state.providers, query.providerId);
        return timelineProjection.view(
          { ...state, providers: provider === undefined ? emptyTable() : tableOf([[query.providerId, provider]]) },
          query,
        );
      }
      return kept.renderingOf(state, query.providerId, query.asOf, stampOf(state, query.providerId, query.asOf));
    },
    keptRenderings: () => kept.size,
  };
};
