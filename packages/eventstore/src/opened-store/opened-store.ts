import type { ChildKeyStore } from '../child-data/child-key-store';
import { SealingEventStore, sealedImportsOnly, sweepErasures } from '../child-data/protect-child-data';
import type { ProjectionCheckpoints } from '../projection-storage';
import type { CheckpointLog, VerifiableLog } from '../verifiable-log';
import type { BulkImport, StoreEngine } from './store-engine';

/**
 * A store as a process opens it, in one piece: its events, child data sealed on every append;
 * the children's key store they are sealed with; the engine's projection checkpoints and bulk
 * import where it has them; and one `close` for all of it.
 */
export class OpenedStore extends SealingEventStore {
  /** Where the runner keeps views beside the events; absent where the engine keeps none. */
  readonly projectionCheckpoints?: () => ProjectionCheckpoints;
  /** Where the engine offers one: a bulk import, refused at the first event with child data in the clear. */
  readonly importEvents?: BulkImport;
  /** The engine's Merkle tree over the global order, where it keeps one. */
  readonly verifiableLog?: VerifiableLog;
  /** The signed checkpoints kept in the store, where the engine keeps them. */
  readonly signedCheckpoints?: CheckpointLog;

  private constructor(engine: StoreEngine, keys: ChildKeyStore) {
    super(engine.events, keys);
    const { checkpoints, importEvents, verifiableLog, signedCheckpoints } = engine;
    if (verifiableLog !== undefined) this.verifiableLog = verifiableLog;
    if (signedCheckpoints !== undefined) this.signedCheckpoints = signedCheckpoints;
    if (checkpoints !== undefined) this.projectionCheckpoints = () => checkpoints;
    if (importEvents !== undefined) this.importEvents = (source) => importEvents(sealedImportsOnly(source));
  }

  /**
   * The engine made ready to serve with `keys`: erasures whose key survived are finished first,
   * then child data is sealed on every append. The engine is closed again if that sweep fails.
   */
  static async open(engine: StoreEngine, keys: ChildKeyStore): Promise<OpenedStore> {
    await sweepErasures(engine.events, keys);
    return new OpenedStore(engine, keys);
  }
}
