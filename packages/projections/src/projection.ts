import * as t from 'io-ts';
import { RecordedEvent } from '@coachline/domain';

/** What a reader asks of a view. `asOf` is already resolved to an instant (see `resolveAsOf`). */
export interface ViewQuery {
  /** Only events recorded at or before this instant were folded; months and "this month" follow it. */
  readonly asOf: string;
  readonly providerId?: string;
  readonly communityId?: string;
  readonly stream?: string;
}

/** A view flattened for CSV: one header and rows of plain values. */
export interface ViewTable {
  readonly header: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>;
}

/**
 * A view of the history as a fold. The state is JSON (objects, arrays, strings, numbers) so a
 * runner can store it beside its checkpoint and resume after a crash. For speed on long
 * histories `apply` may update the state it is given and return it: the state belongs to
 * whoever folds it, never to two folds at once.
 *
 * Ids are text from outside, and an id spelt `__proto__` or `constructor` keying a plain object
 * would reach `Object.prototype`. So every object of a state keyed by ids is a `Table` (an
 * object without a prototype, from `emptyTable`), never `{}`; and whoever reads a stored state
 * back passes it through `withoutPrototypes` before folding on or rendering, which gives every
 * object of the JSON that shape again. Tables rather than `Map`s keep the state JSON as it is.
 */
export interface Projection<State, View> {
  readonly name: string;
  /** Bumping the version makes runners rebuild the view from the start. */
  readonly version: number;
  /** Events are routed by their type string; others never reach `apply`. */
  readonly eventTypes: ReadonlyArray<string>;
  readonly init: () => State;
  readonly apply: (state: State, event: RecordedEvent) => State;
  readonly view: (state: State, query: ViewQuery) => View;
  readonly viewCodec: t.Type<View, unknown, unknown>;
  readonly table: (view: View) => ViewTable;
  /**
   * The table for a terminal, when `table` is too wide to read there: the columns a reader scans
   * by, some joined. CSV keeps every column of `table`.
   */
  readonly terminalTable?: (view: View) => ViewTable;
  /** How the state splits by subject, for a runner that saves only what changed; without it, the state is saved whole. */
  readonly subjects?: StateSubjects<State>;
}

/**
 * An entry of a subject table (`['providers', 'p-017']`), or a whole table when an event may
 * change any of its entries (`['screenings']`).
 */
export type SubjectRef = readonly [table: string] | readonly [table: string, id: string];

/**
 * A state whose top-level `tables` are keyed by the id of a subject (a provider, a coach, an
 * agreement, a community...): each entry is saved on its own, and the rest of the state, small,
 * with every save. `changedBy` names, given the state before `apply` folds the event, every
 * entry the event may change; an entry it leaves out would be stored stale.
 */
export interface StateSubjects<State> {
  readonly tables: ReadonlyArray<string>;
  readonly changedBy: (state: State, event: RecordedEvent) => ReadonlyArray<SubjectRef>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any, any>;

/** Whether a projection reads this event at all. */
export const routes = (projection: AnyProjection, type: string): boolean => projection.eventTypes.includes(type);
