import { RecordedEvent } from '@coachline/domain';
import { AnyProjection, ViewQuery } from './projection';

/**
 * "As the program knew it at T": the latest `recordedAt` of the history when no moment is given,
 * never the wall clock, so replaying the same file always gives the same answer. Output is UTC
 * with milliseconds.
 */
export const resolveAsOf = (asOf: string | undefined, latestRecordedAt: string | undefined): string =>
  new Date(asOf ?? latestRecordedAt ?? '1970-01-01T00:00:00.000Z').toISOString();

export interface FoldOptions {
  /** Only events recorded at or before this instant count (the recorded-time axis). */
  readonly asOf?: string;
  /** Only events at or before this global position count. */
  readonly untilPosition?: number;
}

export interface Folded<State> {
  readonly state: State;
  readonly latestRecordedAt?: string;
  /** Events that counted (recorded by the as-of moment and within the position). */
  readonly events: number;
}

/**
 * A fold fed one event at a time, for histories read from a file or a store as they stream.
 * Events recorded after `asOf` are skipped, not stopped at: recorded time need not follow
 * global order (an imported history keeps its original times).
 */
export const startFold = <State>(projection: AnyProjection, options: FoldOptions = {}) => {
  const routed = new Set(projection.eventTypes);
  const asOfMs = options.asOf === undefined ? undefined : Date.parse(options.asOf);
  let state = projection.init() as State;
  let latestMs = Number.NEGATIVE_INFINITY;
  let latestRecordedAt: string | undefined;
  let events = 0;
  return {
    push(event: RecordedEvent): void {
      if (options.untilPosition !== undefined && event.position !== undefined && event.position > options.untilPosition)
        return;
      const recordedAt = event.metadata.recordedAt;
      // Most histories repeat the same instant format; parsing is needed only when the text differs.
      const recordedMs = recordedAt === latestRecordedAt ? latestMs : Date.parse(recordedAt);
      if (asOfMs !== undefined && recordedMs > asOfMs) return;
      if (recordedMs > latestMs) {
        latestMs = recordedMs;
        latestRecordedAt = recordedAt;
      }
      events++;
      if (routed.has(event.type)) state = projection.apply(state, event) as State;
    },
    result(): Folded<State> {
      return { state, events, ...(latestRecordedAt ? { latestRecordedAt } : {}) };
    },
  };
};

export const foldHistory = <State>(
  projection: AnyProjection,
  history: Iterable<RecordedEvent>,
  options: FoldOptions = {},
): Folded<State> => {
  const fold = startFold<State>(projection, options);
  for (const event of history) fold.push(event);
  return fold.result();
};

/** Renders a fold's result for a query, resolving the as-of moment. */
export const render = <View>(
  projection: AnyProjection,
  folded: Folded<unknown>,
  query: Omit<ViewQuery, 'asOf'> & { asOf?: string },
): View => projection.view(folded.state, { ...query, asOf: resolveAsOf(query.asOf, folded.latestRecordedAt) }) as View;

/** Folds and renders in one go: the view as of a moment, for a query. */
export const viewOf = <View>(
  projection: AnyProjection,
  history: Iterable<RecordedEvent>,
  query: Omit<ViewQuery, 'asOf'> & { asOf?: string },
): View =>
  render<View>(
    projection,
    foldHistory(projection, history, query.asOf === undefined ? {} : { asOf: query.asOf }),
    query,
  );
