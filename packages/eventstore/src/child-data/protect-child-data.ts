import type {
  AppendResult,
  EventHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import type { ChildKeyStore } from './child-key-store';
import { readsTypedPages, type TypedPage, type TypedPagesOptions } from '../projection-storage/typed-pages';
import { carriesPlainChildData, childRefIn, childRefOfStream, sealChildData } from './seal-child-data';

export const CHILD_DATA_ERASED = 'ChildDataErased';

/** A store that seals child data on its way in, with the key store it seals with. */
export type ChildDataProtectedStore = EventStore & { readonly childKeyStore: ChildKeyStore };

/** Child data reached a bulk import unsealed: the importer must seal it first (`sealForImport`). */
export class UnsealedImportError extends Error {
  override readonly name = 'UnsealedImportError';
  constructor(stream: string, type: string) {
    super(`The imported ${type} for ${stream} carries child data in the clear; it must be sealed before the import.`);
  }
}

const erasureOf = (event: EventToAppend): { childRef: string; on: string } | undefined => {
  if (event.type !== CHILD_DATA_ERASED) return undefined;
  const childRef = childRefIn(event);
  const on = (event.data as Record<string, unknown>)['on'];
  return childRef === undefined ? undefined : { childRef, on: typeof on === 'string' ? on : '' };
};

/**
 * Destroys the keys of children whose erasure a batch records. It runs BEFORE the batch is
 * appended: a crash between the two leaves a destroyed key and no erasure event, so the data is
 * unreadable and the family's request is already honoured; the opposite order could leave an
 * erasure on record whose data still opens. The start-up sweep records nothing new; it only
 * finishes erasures whose event is stored but whose key survived (another writer, an old store).
 */
const eraseKeysOf = async (events: ReadonlyArray<EventToAppend>, keys: ChildKeyStore): Promise<void> => {
  for (const event of events) {
    const erasure = erasureOf(event);
    if (erasure) await keys.erase(erasure.childRef, erasure.on);
  }
};

const sealBatch = async (
  inner: EventStore,
  stream: string,
  events: ReadonlyArray<EventToAppend>,
  keys: ChildKeyStore,
): Promise<EventToAppend[]> => {
  if (!events.some(carriesPlainChildData)) return [...events];
  const childRef = events.map(childRefIn).find((ref) => ref !== undefined) ?? (await childRefOfStream(inner, stream));
  const sealed: EventToAppend[] = [];
  for (const event of events) sealed.push(await sealChildData(stream, event, keys, childRef));
  return sealed;
};

type ImportSource =
  AsyncIterable<{ stream: string; event: EventToAppend }> | Iterable<{ stream: string; event: EventToAppend }>;

/** The events of a bulk import as they come, refused at the first that carries child data in the clear. */
export async function* sealedImportsOnly(
  source: ImportSource,
): AsyncGenerator<{ stream: string; event: EventToAppend }> {
  for await (const imported of source) {
    if (carriesPlainChildData(imported.event)) throw new UnsealedImportError(imported.stream, imported.event.type);
    yield imported;
  }
}

/**
 * The store with child data sealed on every append and erasures honoured before they are
 * written; reads, subscriptions and the rest go to the inner store as they are, so reads return
 * sealed fields, since no view needs a child's name.
 */
export class SealingEventStore implements ChildDataProtectedStore {
  /** The inner store's typed pages, when it reads them (see `readsTypedPages`). */
  readonly readTypedPages?: (options: TypedPagesOptions) => AsyncIterable<TypedPage>;

  constructor(
    private readonly inner: EventStore,
    readonly childKeyStore: ChildKeyStore,
  ) {
    if (readsTypedPages(inner)) this.readTypedPages = (options) => inner.readTypedPages(options);
  }

  async append(
    stream: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    await eraseKeysOf(events, this.childKeyStore);
    return this.inner.append(stream, await sealBatch(this.inner, stream, events, this.childKeyStore), expected);
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    return this.inner.readStream(stream, options);
  }

  streamRevision(stream: string): Promise<number | undefined> {
    return this.inner.streamRevision(stream);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    return this.inner.readAll(options);
  }

  subscribe(after: number, handler: EventHandler, options?: SubscribeOptions): Subscription {
    return this.inner.subscribe(after, handler, options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** `inner` with child data sealed under the keys of `keys` on every append. */
export const protectChildData = (inner: EventStore, keys: ChildKeyStore): SealingEventStore =>
  new SealingEventStore(inner, keys);

/**
 * Destroys the key of every child whose erasure is in the store. Run at start-up, it closes the
 * gap left by an erasure appended without this decorator (an import, another process). Returns
 * how many erasures it saw.
 */
export const eraseKeysOfErasedChildren = async (store: EventStore, keys: ChildKeyStore): Promise<number> => {
  let seen = 0;
  for await (const stored of store.readAll({ types: [CHILD_DATA_ERASED] })) {
    const erasure = erasureOf(stored);
    if (!erasure) continue;
    seen++;
    await keys.erase(erasure.childRef, erasure.on);
  }
  return seen;
};

/**
 * Finishes, before a process serves, erasures whose key survived (a crash between the two, an
 * import, an older process). The adapter is closed again if the sweep fails.
 */
export const sweepErasures = async (inner: EventStore, keys: ChildKeyStore): Promise<void> => {
  try {
    await eraseKeysOfErasedChildren(inner, keys);
  } catch (error) {
    await inner.close();
    throw error;
  }
};

/**
 * The adapter a process opens, made ready to serve: erasures swept first, then child data is
 * sealed on every append.
 */
export const openWithChildDataProtection = async (
  inner: EventStore,
  keys: ChildKeyStore,
): Promise<SealingEventStore> => {
  await sweepErasures(inner, keys);
  return protectChildData(inner, keys);
};
