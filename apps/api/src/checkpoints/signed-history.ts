import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  type CheckpointLog,
  type CheckpointSigningKey,
  encodeHashes,
  type InclusionProofFile,
  type OpenedStore,
  type Provenance,
  provenanceThrough,
  signCheckpoint,
  type StoredCheckpoint,
  type StoredEvent,
  type VerifiableLog,
} from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import { PinoLogger } from 'nestjs-pino';
import { CLOCK, type Clock, EVENT_STORE } from '../app/injection-tokens';
import { checkpointDue, type CheckpointSchedule } from './checkpoint-schedule';

export const CHECKPOINT_SIGNING = Symbol('CheckpointSigning');

/** The key the API signs checkpoints with, and when it does; absent, it signs none (it still serves those kept). */
export interface CheckpointSigning extends CheckpointSchedule {
  readonly key: CheckpointSigningKey;
}

/** The store keeps no Merkle tree or no checkpoints, or none covers what was asked yet: 503. */
export class SignedHistoryUnavailableError extends Error {
  override readonly name = 'SignedHistoryUnavailableError';
}

/** How often the tree's size is looked at, to sign once it grew by the count. */
const WATCH_MS = 1_000;

/**
 * The store's signed history as the API serves it: its checkpoints, the keys they are signed
 * under, the proofs between them and of single events; and, where the API holds the signing key,
 * the signing of a checkpoint on the schedule, and on demand when a proof needs one.
 */
@Injectable()
export class SignedHistory implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log?: VerifiableLog;
  private readonly checkpoints?: CheckpointLog;
  /** Signings run one after another: two at once would only sign the same head twice. */
  private signing: Promise<unknown> = Promise.resolve();
  private watch?: NodeJS.Timeout;
  /** Before the first checkpoint, the schedule counts from the empty tree as of the start. */
  private startedAt = new Date(0);
  /** A look at the tree still running when the watch comes round again (a slow store) is not doubled. */
  private looking = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: OpenedStore,
    @Inject(CHECKPOINT_SIGNING) private readonly settings: CheckpointSigning | null,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('SignedHistory');
    if (store.verifiableLog !== undefined) this.log = store.verifiableLog;
    if (store.signedCheckpoints !== undefined) this.checkpoints = store.signedCheckpoints;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings === null || this.log === undefined) return;
    // Published before the first request is served: an auditor may fetch the key before any checkpoint.
    await this.checkpoints?.publishKey(this.settings.key.verifierKey);
    // Once at start when the tree grew since the last checkpoint, then on the schedule.
    this.startedAt = this.clock();
    void this.signIfDue(true);
    this.watch = setInterval(() => void this.signIfDue(false), WATCH_MS).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.watch);
    await this.signing;
  }

  /** Whether the store keeps a Merkle tree and its checkpoints. */
  get isKept(): boolean {
    return this.log !== undefined && this.checkpoints !== undefined;
  }

  private kept(): { log: VerifiableLog; checkpoints: CheckpointLog } {
    if (this.log === undefined || this.checkpoints === undefined)
      throw new SignedHistoryUnavailableError('This store keeps no signed checkpoints.');
    return { log: this.log, checkpoints: this.checkpoints };
  }

  private async signIfDue(atStart: boolean): Promise<void> {
    const settings = this.settings;
    if (settings === null || this.looking) return;
    this.looking = true;
    try {
      const { log, checkpoints } = this.kept();
      const [head, last] = await Promise.all([log.treeHead(), checkpoints.latest()]);
      const since = last ?? { size: 0, signedAt: this.startedAt.toISOString() };
      const due = atStart ? head.size > since.size : checkpointDue(settings, head.size, since, this.clock());
      if (due) await this.sign();
    } catch (error) {
      this.logger.error({ err: error }, 'A checkpoint could not be signed');
    } finally {
      this.looking = false;
    }
  }

  /** Signs the tree as it is now (or gives the latest checkpoint when the tree has not grown). */
  sign(): Promise<StoredCheckpoint> {
    const { log, checkpoints } = this.kept();
    const key = this.settings?.key;
    if (key === undefined) throw new SignedHistoryUnavailableError('This API holds no signing key.');
    const signed = this.signing.then(async () => {
      const checkpoint = await signCheckpoint(log, checkpoints, key, this.clock());
      this.logger.info({ size: checkpoint.size }, `Checkpoint of ${checkpoint.size} events`);
      return checkpoint;
    });
    this.signing = signed.catch(() => undefined);
    return signed;
  }

  latest(): Promise<StoredCheckpoint | undefined> {
    return this.kept().checkpoints.latest();
  }

  atSize(size: number): Promise<StoredCheckpoint | undefined> {
    return this.kept().checkpoints.atSize(size);
  }

  list(after: number, limit: number): Promise<StoredCheckpoint[]> {
    return this.kept().checkpoints.list({ after, limit });
  }

  publishedKeys(): Promise<string[]> {
    return this.kept().checkpoints.publishedKeys();
  }

  /** The proof that the tree of `to` events extends the tree of `from`; a refusal when there is none. */
  async consistency(from: number, to: number): Promise<string[] | string> {
    const proof = await this.kept().log.consistencyProof(from, to);
    return E.isLeft(proof) ? proof.left : encodeHashes(proof.right);
  }

  /** The root of the tree of the first `size` events; a refusal when the tree never had that size. */
  async rootAt(size: number): Promise<string | { root: string }> {
    const root = await this.kept().log.rootAt(size);
    return E.isLeft(root) ? root.left : { root: Buffer.from(root.right).toString('base64') };
  }

  /** The first checkpoint of at least `size` events, signed now when none is and the API holds the key. */
  async covering(size: number): Promise<StoredCheckpoint | undefined> {
    const { checkpoints } = this.kept();
    const found = await checkpoints.covering(size);
    if (found !== undefined || this.settings === null) return found;
    const signed = await this.sign();
    return signed.size >= size ? signed : undefined;
  }

  /**
   * Which signed history the events up to `position` are; `undefined` when the store keeps no
   * tree, no event has that position, or the tree does not hold it yet. Nothing is signed for it.
   */
  async provenance(position: number): Promise<Provenance | undefined> {
    if (this.log === undefined || this.checkpoints === undefined) return undefined;
    return provenanceThrough({ events: this.store, log: this.log, checkpoints: this.checkpoints }, position);
  }

  /**
   * The inclusion proof of the event with `eventId` against the latest checkpoint, signing one first
   * when none covers the event yet; `undefined` when the tree holds no such event.
   */
  async inclusionProof(eventId: string): Promise<InclusionProofFile | undefined> {
    const { log, checkpoints } = this.kept();
    const index = await log.leafIndexOf(eventId);
    if (index === undefined) return undefined;
    let latest = await checkpoints.latest();
    if ((latest === undefined || latest.size <= index) && this.settings !== null) latest = await this.sign();
    if (latest === undefined || latest.size <= index)
      throw new SignedHistoryUnavailableError(`No checkpoint covers event ${eventId} yet; try again in a moment.`);
    const proof = await log.inclusionProof(index, latest.size);
    if (E.isLeft(proof)) throw new Error(`The tree cannot prove leaf ${index}: ${proof.left}`);
    const event = await this.eventAt(index, eventId);
    const { id, stream, revision, type, schemaVersion, data, metadata, position } = event;
    return {
      format: 'coachline-inclusion-proof/1',
      event: { id, stream, revision, type, schemaVersion, data: data ?? null, metadata: metadata ?? null, position },
      leafIndex: index,
      treeSize: latest.size,
      proof: encodeHashes(proof.right),
      checkpoint: latest.note,
    };
  }

  /**
   * The event at leaf `index`: at position index + 1 where positions are dense (PostgreSQL, memory),
   * else found by counting the global order.
   */
  private async eventAt(index: number, eventId: string): Promise<StoredEvent> {
    for await (const event of this.store.readAll({ after: index, batchSize: 1 })) {
      if (event.id === eventId) return event;
      break;
    }
    let place = 0;
    for await (const event of this.store.readAll()) {
      if (place === index) {
        if (event.id !== eventId) break;
        return event;
      }
      place += 1;
    }
    throw new Error(`The tree puts event ${eventId} at leaf ${index}, but the store holds another event there.`);
  }
}
