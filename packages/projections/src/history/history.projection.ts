import { eventCatalogue, encodeRecordedEvent, RecordedEvent } from '@coachline/domain';
import { Projection, ViewQuery, ViewTable } from '../projection';
import { HistoryEntry, HistoryState, HistoryView } from './history.view';

const entryOf = (event: RecordedEvent): HistoryEntry => {
  const { actor, recordedAt, commandId, correlationId, causationId } = event.metadata;
  return {
    id: event.id,
    stream: event.stream,
    type: event.type,
    schemaVersion: event.schemaVersion,
    position: event.position ?? null,
    revision: event.revision ?? null,
    recordedAt,
    actor: { id: actor.id, role: actor.role },
    commandId,
    correlationId,
    causationId: causationId ?? null,
    data: encodeRecordedEvent(event).data,
  };
};

const historyTable = (view: HistoryView): ViewTable => ({
  header: [
    'position',
    'recordedAt',
    'stream',
    'revision',
    'type',
    'schemaVersion',
    'id',
    'actorId',
    'actorRole',
    'commandId',
    'correlationId',
    'causationId',
    'data',
  ],
  rows: view.events.map((e) => [
    e.position,
    e.recordedAt,
    e.stream,
    e.revision,
    e.type,
    e.schemaVersion,
    e.id,
    e.actor.id,
    e.actor.role,
    e.commandId,
    e.correlationId,
    e.causationId,
    JSON.stringify(e.data),
  ]),
});

/**
 * Every event with its metadata, in the order folded. The history is as large as the event
 * store by nature, so a projection made for one stream keeps that stream's events only; the
 * one made without a stream keeps them all and narrows to `query.stream` when it renders.
 */
export const historyProjection = (stream?: string): Projection<HistoryState, HistoryView> => ({
  name: stream === undefined ? 'history' : `history:${stream}`,
  version: 1,
  eventTypes: eventCatalogue.map((definition) => definition.type),
  init: () => ({ events: [] }),
  apply: (state, event) => {
    if (stream === undefined || event.stream === stream) state.events.push(entryOf(event));
    return state;
  },
  view: (state: HistoryState, query: ViewQuery): HistoryView => {
    const shown = query.stream ?? stream;
    return {
      asOf: query.asOf,
      stream: shown ?? null,
      events: shown === undefined ? [...state.events] : state.events.filter((e) => e.stream === shown),
    };
  },
  viewCodec: HistoryView,
  table: historyTable,
});
