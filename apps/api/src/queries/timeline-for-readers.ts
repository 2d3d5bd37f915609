import { emptyTable, entryOf, tableOf } from '@coachline/domain';
import { Projection, timelineProjection, TimelineState, TimelineView } from '@coachline/projections';

/**
 * The timeline as the runner keeps it for readers. Rendering works out every requirement of every
 * provider before it selects, tens of milliseconds on a long history; a reader asking for one
 * provider has the fold's providers narrowed to that one first, which renders the same view.
 */
export const timelineForReaders: Projection<TimelineState, TimelineView> = {
  ...timelineProjection,
  view: (state, query) => {
    if (query.providerId === undefined) return timelineProjection.view(state, query);
    const provider = entryOf(state.providers, query.providerId);
    return timelineProjection.view(
      { ...state, providers: provider === undefined ? emptyTable() : tableOf([[query.providerId, provider]]) },
      query,
    );
  },
};
