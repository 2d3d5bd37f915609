import type { ReadAllOptions, StoredEvent } from '../event-store';

export type EventFilter = (event: StoredEvent) => boolean;

/** The `types` and `streamPrefix` filters of a read or a subscription, as one predicate. */
export const eventFilter = ({ types, streamPrefix }: Pick<ReadAllOptions, 'types' | 'streamPrefix'>): EventFilter => {
  const wanted = types === undefined ? undefined : new Set(types);
  return (event) =>
    (wanted === undefined || wanted.has(event.type)) &&
    (streamPrefix === undefined || event.stream.startsWith(streamPrefix));
};
