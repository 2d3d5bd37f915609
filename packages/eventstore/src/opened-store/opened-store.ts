import type { ChildKeyStore } from '../child-data/child-key-store';
import {
  openWithChildDataProtection,
  sealedImportsOnly,
  type SealingEventStore,
} from '../child-data/protect-child-data';
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
import type { ProjectionCheckpoints } from '../projection-storage';
import type { BulkImport, StoreEngine } from './store-engine';

/**
 * A store as a process opens it, in one piece: its events, child data sealed on every append;
 * the children's key store they are sealed with; the engine's projection checkpoints and bulk
 * import where it has them; and one `close` for all of it.
 */
export class OpenedStore implements EventStore {
  /** Where the runner keeps views beside the events; absent where the engine keeps none. */
  readonly projectionCheckpoints?: () => ProjectionCheckpoints;
  /** Where the engine offers one: a bulk import, refused at the first event with child data in the clear. */
  readonly importEvents?: BulkImport;

  private constructor(
    private readonly sealed: SealingEventStore,
    engine: StoreEngine,
  ) {
    const { checkpoints, importEvents } = engine;
    if (checkpoints !== undefined) this.projectionCheckpoints = () => checkpoints;
    if (importEvents !== undefined) this.importEvents = (source) => importEvents(sealedImportsOnly(source));
  }

  /**
   * The engine made ready to serve with `keys`: erasures whose key survived are finished first,
   * then child data is sealed on every append. The engine is closed again if that sweep fails.
   */
  static async open(engine: StoreEngine, keys: ChildKeyStore): Promise<OpenedStore> {
    return new OpenedStore(await openWithChildDataProtection(engine.events, keys), engine);
  }

  get childKeyStore(): ChildKeyStore {
    return this.sealed.childKeyStore;
  }

  append(stream: string, events: ReadonlyArray<EventToAppend>, expected: ExpectedRevision): Promise<AppendResult> {
    return this.sealed.append(stream, events, expected);
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    return this.sealed.readStream(stream, options);
  }

  streamRevision(stream: string): Promise<number | undefined> {
    return this.sealed.streamRevision(stream);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    return this.sealed.readAll(options);
  }

  subscribe(after: number, handler: EventHandler, options?: SubscribeOptions): Subscription {
    return this.sealed.subscribe(after, handler, options);
  }

  headPosition(): Promise<number> {
    return this.sealed.headPosition();
  }

  close(): Promise<void> {
    return this.sealed.close();
  }
}
