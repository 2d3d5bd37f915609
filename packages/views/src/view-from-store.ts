import { AnyProjection, FoldOptions, render, startFold, ViewQuery } from '@coachline/projections';
import { EventStore } from '@coachline/eventstore';
import { asRecordedEvent } from './as-recorded-event';

/**
 * Any view as of a recorded-time moment or a global position, replayed from the store: the
 * history is never edited, so the past is always there to be read again.
 */
export const viewFromStore = async <View>(
  store: EventStore,
  projection: AnyProjection,
  query: Omit<ViewQuery, 'asOf'> & { asOf?: string; untilPosition?: number },
): Promise<View> => {
  const options: FoldOptions = {
    ...(query.asOf !== undefined ? { asOf: query.asOf } : {}),
    ...(query.untilPosition !== undefined ? { untilPosition: query.untilPosition } : {}),
  };
  const fold = startFold(projection, options);
  // Every event is read, not only the projection's: the default as-of moment is the latest
  // recordedAt of the whole history.
  for await (const stored of store.readAll()) {
    if (query.untilPosition !== undefined && stored.position > query.untilPosition) break;
    fold.push(asRecordedEvent(stored));
  }
  return render<View>(projection, fold.result(), query);
};
