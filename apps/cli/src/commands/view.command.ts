import { viewFromStore } from '@coachline/views';
import { recordRead } from '../access-log/record-read';
import { readerOf } from '../access-log/reader';
import { formatProjectionView, Format } from '../output/format-view';
import { openStore } from '../store/open-store';
import { projectionFor, queryOf, RECORDED_VIEWS, requireSelected, storeHolds, ViewSelection } from './view-selection';

export interface ViewOptions extends ViewSelection {
  readonly store?: string;
  /** `--key-file`: where the store's key-encryption key is kept. */
  readonly keyFile?: string;
  readonly format: Format;
  /** `--as ID`: who reads, for the access log (else the operating-system user). */
  readonly as?: string;
}

/**
 * `coachline view NAME [--store URL]`: the same views as `replay`, from a store's history. A
 * read of the evaluation or the history is recorded in the store's access log before it is shown.
 */
export const viewCommand = async (
  options: ViewOptions,
  out: NodeJS.WritableStream,
  now: () => Date = () => new Date(),
): Promise<void> => {
  const reader = RECORDED_VIEWS.has(options.view) ? readerOf(options.as) : undefined;
  const store = await openStore(options.store, { keyFile: options.keyFile });
  let shown: string;
  try {
    await requireSelected(options, storeHolds(store));
    const projection = projectionFor(options);
    const view = await viewFromStore(store, projection, options);
    shown = formatProjectionView(projection, view, options.format);
  } finally {
    await store.close();
  }
  if (reader !== undefined)
    await recordRead({ store: options.store, reader, view: options.view, query: queryOf(options), at: now() });
  out.write(shown);
};
