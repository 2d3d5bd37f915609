import { ERASED, findEventDefinition, isErasedValue, isSealedValue } from '@coachline/domain';
import type { EventStore, EventToAppend, StoredEvent } from '../event-store';
import { openValue, sealValue } from './child-data-cipher';
import type { ChildKeyStore } from './child-key-store';

/** The personal fields of an event's type that it actually carries. */
const personalFieldsOf = (event: { readonly type: string; readonly data: unknown }): string[] => {
  const fields = findEventDefinition(event.type)?.personal ?? [];
  const data = event.data as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null) return [];
  return fields.filter((field) => data[field] !== undefined);
};

/** True when the event carries a child field in the clear, which must never reach storage. */
export const carriesPlainChildData = (event: { readonly type: string; readonly data: unknown }): boolean =>
  personalFieldsOf(event).some((field) => {
    const value = (event.data as Record<string, unknown>)[field];
    return !isSealedValue(value) && !isErasedValue(value);
  });

/** The child an event names itself (a distribution, an erasure), if it does. */
export const childRefIn = (event: { readonly data: unknown }): string | undefined => {
  const data = event.data as Record<string, unknown> | null;
  const childRef = typeof data === 'object' && data !== null ? data['childRef'] : undefined;
  return typeof childRef === 'string' ? childRef : undefined;
};

/** The child a stream concerns: a screening's first event, its distribution, names it. */
export const childRefOfStream = async (store: EventStore, stream: string): Promise<string | undefined> => {
  for await (const first of store.readStream(stream, { maxCount: 1 })) return childRefIn(first);
  return undefined;
};

/** A child field on its way to storage without the child it belongs to: refused rather than stored in the clear. */
export class ChildUnknownError extends Error {
  override readonly name = 'ChildUnknownError';
  constructor(stream: string, type: string) {
    super(
      `A ${type} for ${stream} carries child data, but the stream names no child to seal it for; nothing was written.`,
    );
  }
}

/**
 * The event as it may be stored: each plain child field sealed under the child's key, or written
 * as erased when the child's data was erased already (a replay of erased data stores nothing
 * readable). Sealed and erased fields pass as they are.
 */
export const sealChildData = async (
  stream: string,
  event: EventToAppend,
  keys: ChildKeyStore,
  childRef: string | undefined,
): Promise<EventToAppend> => {
  if (!carriesPlainChildData(event)) return event;
  if (childRef === undefined) throw new ChildUnknownError(stream, event.type);
  const key = await keys.keyFor(childRef);
  const data = { ...(event.data as Record<string, unknown>) };
  for (const field of personalFieldsOf(event)) {
    const value = data[field];
    if (isSealedValue(value) || isErasedValue(value)) continue;
    data[field] = key === 'erased' ? ERASED : sealValue(value, key, { stream, eventId: event.id, field });
  }
  return { ...event, data };
};

/**
 * The event with its child fields opened: plain while the child's key exists, `{ erased: true }`
 * once it was destroyed. Fields still stored in the clear (written before sealing) read as erased
 * once the child's erasure is known.
 */
export const openChildData = async <E extends StoredEvent>(
  event: E,
  keys: ChildKeyStore,
  childRef?: string,
): Promise<E> => {
  const fields = personalFieldsOf(event);
  if (fields.length === 0) return event;
  const erased = childRef !== undefined && (await keys.isErased(childRef));
  const data = { ...(event.data as Record<string, unknown>) };
  for (const field of fields) {
    const value = data[field];
    if (isErasedValue(value)) continue;
    if (!isSealedValue(value)) {
      if (erased) data[field] = ERASED;
      continue;
    }
    const key = await keys.find(value.sealed.keyId);
    data[field] =
      key === undefined ? ERASED : openValue(value, key, { stream: event.stream, eventId: event.id, field });
  }
  return { ...event, data };
};

/** A stream's events with their child fields opened (the screening's child is named by its first event). */
export const openStreamChildData = async <E extends StoredEvent>(
  events: ReadonlyArray<E>,
  keys: ChildKeyStore,
): Promise<E[]> => {
  const childRef = events.length > 0 ? childRefIn(events[0]!) : undefined;
  const opened: E[] = [];
  for (const event of events) opened.push(await openChildData(event, keys, childRef));
  return opened;
};
