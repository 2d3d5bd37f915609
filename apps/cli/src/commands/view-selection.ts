import { escapeUnsafe, streamName } from '@coachline/domain';
import type { EventStore } from '@coachline/eventstore';
import { AnyProjection, findProjection, historyProjection } from '@coachline/projections';
import { FailureError } from './usage-error';

/** Which view, as of when, and for whom: shared by `replay` and `view`. */
export interface ViewSelection {
  readonly view: string;
  readonly asOf?: string;
  readonly providerId?: string;
  readonly communityId?: string;
  readonly stream?: string;
}

export const projectionFor = (selection: ViewSelection): AnyProjection =>
  // The history of one stream keeps only that stream's events, however long the file.
  selection.view === 'history' ? historyProjection(selection.stream) : findProjection(selection.view)!;

/** The views whose reads the access log records, as the API records them: they carry observation scores, or everything. */
export const RECORDED_VIEWS: ReadonlySet<string> = new Set(['evaluation', 'history']);

/** What a read asked for, by the API's parameter names, for the access log. */
export const queryOf = (selection: ViewSelection): Record<string, string | undefined> => ({
  providerId: selection.providerId,
  communityId: selection.communityId,
  stream: selection.stream,
  asOf: selection.asOf,
});

/** Whether a store holds a stream: one event read, at most. */
export const storeHolds =
  (store: EventStore) =>
  async (stream: string): Promise<boolean> => {
    for await (const _event of store.readStream(stream, { maxCount: 1 })) return true;
    return false;
  };

/** Each stream a selection names, with the flag that named it. */
const namedStreams = (selection: ViewSelection) => {
  const named: ReadonlyArray<
    readonly [flag: string, what: string, given: string | undefined, stream: (given: string) => string]
  > = [
    ['--provider', 'provider', selection.providerId, (id) => streamName('provider', id)],
    ['--community', 'community', selection.communityId, (id) => streamName('community', id)],
    ['--stream', 'stream', selection.stream, (stream) => stream],
  ];
  return named.flatMap(([flag, what, given, stream]) =>
    given === undefined ? [] : [{ flag, what, given, stream: stream(given) }],
  );
};

/** The streams a selection names: all a reader of the history need look out for to check it. */
export const selectedStreams = (selection: ViewSelection): string[] =>
  namedStreams(selection).map(({ stream }) => stream);

/**
 * Refuses a selection naming a provider, a community or a stream the history does not hold: the
 * view would be empty, and an empty view reads as "nothing happened" rather than "no such one".
 */
export const requireSelected = async (
  selection: ViewSelection,
  holds: (stream: string) => boolean | Promise<boolean>,
): Promise<void> => {
  for (const { flag, what, given, stream } of namedStreams(selection)) {
    if (!(await holds(stream)))
      throw new FailureError(`${flag} ${escapeUnsafe(given)}: no such ${what} in this history`);
  }
};
