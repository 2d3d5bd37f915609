import { openChildData, type StoredEvent } from '@coachline/eventstore';
import type { OpenedStore } from '../store/open-store';

/**
 * Opens the child fields of events read in stream order, for `export --open-child-data`: plain
 * for live children, `{ "erased": true }` for erased ones. A screening's first event names its
 * child, so the opener remembers it per stream for the events that follow.
 */
export const childDataOpener = (store: OpenedStore): ((stored: StoredEvent) => Promise<StoredEvent>) => {
  const childOfStream = new Map<string, string>();
  return async (stored) => {
    const childRef = (stored.data as Record<string, unknown> | null)?.['childRef'];
    if (typeof childRef === 'string' && !childOfStream.has(stored.stream)) childOfStream.set(stored.stream, childRef);
    return openChildData(stored, store.childKeyStore, childOfStream.get(stored.stream));
  };
};
