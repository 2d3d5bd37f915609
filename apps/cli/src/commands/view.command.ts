import type { OpenedStore } from '@coachline/eventstore';
import { viewFromStore } from '@coachline/views';
import { recordRead } from '../access-log/record-read';
import { readerOf } from '../access-log/reader';
import { formatProjectionView, Format } from '../output/format-view';
import { openStore } from '../store/open-store';
import { provenanceLine } from './provenance-line';
import { FailureError, UsageError } from './usage-error';
import { projectionFor, queryOf, RECORDED_VIEWS, requireSelected, storeHolds, ViewSelection } from './view-selection';

export interface ViewOptions extends ViewSelection {
  readonly store?: string;
  /** `--key-file`: where the store's key-encryption key is kept. */
  readonly keyFile?: string;
  readonly format: Format;
  /** `--as ID`: who reads, for the access log (else the operating-system user). */
  readonly as?: string;
  /** `--through-position P`: the view computed from exactly the events at global positions up to P. */
  readonly throughPosition?: number;
}

/** A position the store has not reached would stand for a history that is not there yet. */
const requireReached = async (store: OpenedStore, position: number): Promise<void> => {
  const head = await store.headPosition();
  if (position > head)
    throw new FailureError(`--through-position: no event has position ${position}: the store is at ${head}`);
};

/**
 * `coachline view NAME [--store URL]`: the same views as `replay`, from a store's history. A
 * read of the evaluation or the history is recorded in the store's access log before it is shown.
 * With `--through-position P` the view is computed from exactly the events up to P, measured as
 * of the latest recordedAt among them, and stderr says which signed history those events are.
 */
export const viewCommand = async (
  options: ViewOptions,
  out: NodeJS.WritableStream,
  now: () => Date = () => new Date(),
  err: NodeJS.WritableStream = process.stderr,
): Promise<void> => {
  const through = options.throughPosition;
  if (through !== undefined && options.asOf !== undefined)
    throw new UsageError('--through-position: a view is computed through a position or as of a moment, not both');
  const reader = RECORDED_VIEWS.has(options.view) ? readerOf(options.as) : undefined;
  const store = await openStore(options.store, { keyFile: options.keyFile });
  let shown: string;
  let provenance: string | undefined;
  try {
    if (through !== undefined) await requireReached(store, through);
    await requireSelected(options, storeHolds(store));
    const projection = projectionFor(options);
    const view = await viewFromStore(store, projection, {
      ...options,
      ...(through !== undefined ? { untilPosition: through } : {}),
    });
    shown = formatProjectionView(projection, view, options.format);
    if (through !== undefined) provenance = await provenanceLine(store, through);
  } finally {
    await store.close();
  }
  if (reader !== undefined)
    await recordRead({
      store: options.store,
      reader,
      view: options.view,
      query: { ...queryOf(options), throughPosition: through?.toString() },
      at: now(),
    });
  out.write(shown);
  if (provenance !== undefined) err.write(`${provenance}\n`);
};
