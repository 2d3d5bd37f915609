import type { EventStore, EventToAppend } from '../event-store';
import type { ChildKey, ChildKeyStore } from './child-key-store';
import { CHILD_DATA_ERASED } from './protect-child-data';
import { carriesPlainChildData, childRefIn, childRefOfStream, sealChildData } from './seal-child-data';

type Imported = { readonly stream: string; readonly event: EventToAppend };

/** Keys fetched before an import's transaction opens: an embedded database runs one statement at a time. */
class PreparedChildKeys implements ChildKeyStore {
  constructor(private readonly keys: ReadonlyMap<string, ChildKey | 'erased'>) {}
  async keyFor(childRef: string): Promise<ChildKey | 'erased'> {
    const key = this.keys.get(childRef);
    if (key === undefined) throw new Error(`No key was prepared for child ${childRef}.`);
    return key;
  }
  async find(): Promise<ChildKey | undefined> {
    throw new Error('An import only seals.');
  }
  async isErased(childRef: string): Promise<boolean> {
    return this.keys.get(childRef) === 'erased';
  }
  async erase(): Promise<void> {
    throw new Error('An import erases before it starts.');
  }
}

export interface ImportSealer {
  /** The events sealed with the target store's keys, in the order given. */
  seal(source: AsyncIterable<Imported> | Iterable<Imported>): AsyncIterable<Imported>;
  /** Children erased by the import (their keys destroyed before anything was written). */
  readonly erasedChildren: ReadonlyArray<string>;
}

/**
 * Readies an import into a store: a first pass over the events applies the erasures they carry
 * (keys destroyed first, so the erased children's fields are written as erased) and fetches or
 * creates the key of every other child they name. The second pass, `seal`, then needs no query.
 */
export const prepareImportSealing = async (
  events: AsyncIterable<Imported> | Iterable<Imported>,
  store: EventStore,
  keys: ChildKeyStore,
): Promise<ImportSealer> => {
  const childOfStream = new Map<string, string>();
  const needsChild = new Set<string>();
  const erased = new Set<string>();
  for await (const { stream, event } of events) {
    const childRef = childRefIn(event);
    if (childRef !== undefined && !childOfStream.has(stream)) childOfStream.set(stream, childRef);
    if (event.type === CHILD_DATA_ERASED && childRef !== undefined) {
      const on = (event.data as Record<string, unknown>)['on'];
      await keys.erase(childRef, typeof on === 'string' ? on : '');
      erased.add(childRef);
    }
    if (carriesPlainChildData(event)) needsChild.add(stream);
  }
  const prepared = new Map<string, ChildKey | 'erased'>();
  for (const stream of needsChild) {
    if (!childOfStream.has(stream)) {
      const stored = await childRefOfStream(store, stream);
      if (stored !== undefined) childOfStream.set(stream, stored);
    }
    const childRef = childOfStream.get(stream);
    if (childRef !== undefined && !prepared.has(childRef)) prepared.set(childRef, await keys.keyFor(childRef));
  }
  const sealing = new PreparedChildKeys(prepared);
  return {
    erasedChildren: [...erased],
    seal: async function* (source) {
      for await (const { stream, event } of source)
        yield { stream, event: await sealChildData(stream, event, sealing, childOfStream.get(stream)) };
    },
  };
};
