import { viewFromStore } from '@coachline/eventstore';
import { formatView, Format } from '../output/format-view';
import { openStore } from '../store/open-store';
import { projectionFor, ViewSelection } from './view-selection';

export interface ViewOptions extends ViewSelection {
  readonly store?: string;
  readonly format: Format;
}

/** `coachline view NAME [--store URL]`: the same views as `replay`, from a store's history. */
export const viewCommand = async (options: ViewOptions, out: NodeJS.WritableStream): Promise<void> => {
  const store = await openStore(options.store);
  try {
    const projection = projectionFor(options);
    const view = await viewFromStore(store, projection, options);
    out.write(formatView(view, projection.table(view), options.format));
  } finally {
    await store.close();
  }
};
