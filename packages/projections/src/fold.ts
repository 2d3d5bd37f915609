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
  const asOf = options.asOf === undefined ? undefined : isoUtcOf(options.asOf);
  let state = projection.init() as State;
  let latestRecordedAt: string | undefined;
  let events = 0;
  return {
    push(event: RecordedEvent): void {
      if (options.untilPosition !== undefined && event.position !== undefined && event.position > options.untilPosition)
        return;
      const recordedAt = event.metadata.recordedAt;
      // Most events repeat or follow the latest instant in the same form: compared as text, none is parsed.
      if (recordedAt !== latestRecordedAt) {
        if (asOf !== undefined && isLater(recordedAt, asOf)) return;
        if (isLater(recordedAt, latestRecordedAt)) latestRecordedAt = recordedAt;
      }
      events++;
      if (routed.has(event.type)) state = projection.apply(state, event) as State;
    },
    result(): Folded<State> {
      return { state, events, ...(latestRecordedAt ? { latestRecordedAt } : {}) };
    },
  };
};

const DOT = 0x2e;
const T = 0x54;
const Z = 0x5a;

/**
 * `2025-09-16T18:02:11.000Z`, the form `toISOString` writes and stores keep: of two instants in
 * this form (four-digit years, as the instant grammar has them), the later is the greater text.
 */
const isIsoUtc = (instant: string): boolean =>
  instant.length === 24 &&
  instant.charCodeAt(10) === T &&
  instant.charCodeAt(19) === DOT &&
  instant.charCodeAt(23) === Z;

/**
 * Whether `a` is a later instant than `b`, any instant later than none; neither is parsed when
 * both are in the ISO UTC form. Text that is no instant is never later.
 */
const isLater = (a: string, b: string | undefined): boolean => {
  if (b === undefined) return !Number.isNaN(Date.parse(a));
  return isIsoUtc(a) && isIsoUtc(b) ? a > b : Date.parse(a) > Date.parse(b);
};

/** The same instant in the ISO UTC form, or the text as given when it is no instant. */
const isoUtcOf = (instant: string): string => {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? instant : new Date(ms).toISOString();
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
