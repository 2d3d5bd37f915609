import * as t from 'io-ts';
import { Actor, Id, Instant, NonNegativeInteger, PositiveInteger } from '@coachline/domain';

/** One recorded event with all its metadata, its data in the JSON form of the current schema version. */
export const HistoryEntry = t.type(
  {
    id: Id,
    stream: Id,
    type: Id,
    schemaVersion: PositiveInteger,
    position: t.union([NonNegativeInteger, t.null]),
    revision: t.union([NonNegativeInteger, t.null]),
    recordedAt: Instant,
    actor: Actor,
    commandId: Id,
    correlationId: Id,
    causationId: t.union([Id, t.null]),
    data: t.unknown,
  },
  'HistoryEntry',
);
export type HistoryEntry = t.TypeOf<typeof HistoryEntry>;

/** Every event of a stream (or of the whole history) in global order, for auditors. */
export const HistoryView = t.type(
  { asOf: Instant, stream: t.union([Id, t.null]), events: t.array(HistoryEntry) },
  'HistoryView',
);
export type HistoryView = t.TypeOf<typeof HistoryView>;

/** What the fold keeps: the entries themselves, already plain JSON. */
export interface HistoryState {
  events: HistoryEntry[];
}
