/**
 * Children's wrapped data keys in EventStoreDB, beside the events they seal. Every stream is
 * `$`-prefixed so that Coachline's own reads (`readAll`, `subscribe`, which skip EventStoreDB's
 * system streams) never deliver them, and so that a secured server lets only `$admins` read them
 * unless its system-stream ACL says otherwise:
 *
 *     $coachline-child-wrapped-key-<childRef>  ChildKeyWrapped { keyId, generation, wrapped }   the last one counts
 *     $coachline-child-keyid-<keyId>           ChildKeyIndexed { childRef }       how `find(keyId)` reaches the child
 *     $coachline-child-keys-created            ChildKeyRegistered { childRef }    every child given a key, for rotations
 *     $coachline-child-keys-wrapping           the store's id, rotations begun and finished, rotations owed
 *     $coachline-child-erasure-<childRef>      ChildDataErasureRecorded { childRef, erasedOn }
 *
 * No prefix is the beginning of another followed by an id, so no child ref can name another
 * kind's stream. A rotation appends each key again, wrapped under the new generation; the older
 * events stay in the stream (and in the server's files until a scavenge) but open nothing once
 * the key file has forgotten their generation. Erasure records the erasure, then that a rotation
 * is owed, then tombstones the key's streams, which no append can ever recreate.
 *
 * Stores written before wrapping kept raw keys in `$coachline-child-key-<childRef>`
 * (`ChildKeyCreated { keyId, key }`, indexed by `$coachline-child-key-id-<keyId>`); the first
 * rotation wraps each and tombstones both, so a scavenge removes the raw key from the server.
 */
import { randomUUID } from 'node:crypto';
import {
  ANY,
  BACKWARDS,
  END,
  FORWARDS,
  NO_STREAM,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type EventStoreDBClient,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { ChildKeyVault, ChildKeyWrappingState, Rewrap, WrapAt, WrappedChildKey } from '@coachline/eventstore';
import { finishedRead } from './finished-read';

export const wrappedKeyStream = (childRef: string): string => `$coachline-child-wrapped-key-${childRef}`;
export const childKeyIdStream = (keyId: string): string => `$coachline-child-keyid-${keyId}`;
export const childErasureStream = (childRef: string): string => `$coachline-child-erasure-${childRef}`;
export const CHILD_KEYS_CREATED_STREAM = '$coachline-child-keys-created';
export const CHILD_KEYS_WRAPPING_STREAM = '$coachline-child-keys-wrapping';
/** The streams of a store from before wrapping. */
export const rawKeyStream = (childRef: string): string => `$coachline-child-key-${childRef}`;
export const rawKeyIdStream = (keyId: string): string => `$coachline-child-key-id-${keyId}`;

/** Rounds of read-then-write before giving up; each lost race ends with the winner's write read. */
const ATTEMPTS = 3;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface Read {
  readonly data: Record<string, unknown>;
  readonly type: string;
  readonly revision: bigint;
}

/** The child's key as its stream holds it, with the revision a re-wrap must expect. */
type StoredKey = WrappedChildKey & { readonly revision: bigint };

const storedKeyOf = (childRef: string, read: Read): StoredKey => {
  const { keyId, generation, wrapped } = read.data;
  if (typeof keyId !== 'string' || typeof generation !== 'number' || typeof wrapped !== 'string') {
    throw new Error(`The key stream of a child holds no wrapped key (${wrappedKeyStream(childRef)}).`);
  }
  return { childRef, keyId, generation, wrapped: Buffer.from(wrapped, 'base64'), revision: read.revision };
};

const wrappedEvent = (key: WrappedChildKey) =>
  jsonEvent({
    type: 'ChildKeyWrapped',
    data: { keyId: key.keyId, generation: key.generation, wrapped: Buffer.from(key.wrapped).toString('base64') },
  });

/** The wrapping stream folded: what a rotation began and finished, and what erasures owe. */
interface WrappingHistory {
  readonly generation: number;
  readonly rotatingTo?: number;
  readonly rotationOwed: boolean;
  /** The stream's last revision, which a rotation beginning must expect; none before its first event. */
  readonly revision: bigint | undefined;
}

export class EsdbChildKeyVault implements ChildKeyVault {
  private storeId: string | undefined;

  constructor(private readonly client: EventStoreDBClient) {}

  async state(): Promise<ChildKeyWrappingState> {
    const storeId = await this.ownId();
    const { generation, rotatingTo, rotationOwed } = await this.history();
    return { storeId, generation, rotationOwed, ...(rotatingTo === undefined ? {} : { rotatingTo }) };
  }

  async holdsWrappedKeys(): Promise<boolean> {
    for (const childRef of await this.registeredChildren()) {
      const key = await this.byChild(childRef);
      if (key !== undefined && key !== 'erased' && key.generation > 0) return true;
    }
    return false;
  }

  async byChild(childRef: string): Promise<WrappedChildKey | 'erased' | undefined> {
    // An erasure on record whose key stream was not tombstoned yet (a crash between the two) counts.
    if (await this.isErased(childRef)) return 'erased';
    const key = await this.keyOfChild(childRef);
    return key === 'deleted' ? 'erased' : key;
  }

  async byKeyId(keyId: string): Promise<WrappedChildKey | undefined> {
    const index = await this.firstEvent(childKeyIdStream(keyId));
    if (typeof index === 'string' || typeof index.data['childRef'] !== 'string') return undefined;
    const key = await this.byChild(index.data['childRef']);
    // An index left by a writer that lost the race names the child, not this key: the id must match.
    return key !== undefined && key !== 'erased' && key.keyId === keyId ? key : undefined;
  }

  async isErased(childRef: string): Promise<boolean> {
    return typeof (await this.firstEvent(childErasureStream(childRef))) !== 'string';
  }

  async create(childRef: string, keyId: string, wrapAt: WrapAt): Promise<WrappedChildKey | 'erased'> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const known = await this.byChild(childRef);
      if (known !== undefined) return known;
      const generation = await this.target();
      const created: WrappedChildKey = { childRef, keyId, generation, wrapped: await wrapAt(generation) };
      // The index first: a key another process reads must already be findable by its id; the
      // registration next, so a rotation that starts now finds the key.
      await this.client.appendToStream(
        childKeyIdStream(keyId),
        [jsonEvent({ type: 'ChildKeyIndexed', data: { childRef } })],
        { expectedRevision: ANY },
      );
      await this.client.appendToStream(
        CHILD_KEYS_CREATED_STREAM,
        [jsonEvent({ type: 'ChildKeyRegistered', data: { childRef } })],
        { expectedRevision: ANY },
      );
      try {
        await this.client.appendToStream(wrappedKeyStream(childRef), [wrappedEvent(created)], {
          expectedRevision: NO_STREAM,
        });
      } catch (error) {
        await this.tombstone(childKeyIdStream(keyId)).catch(() => undefined);
        if (error instanceof StreamDeletedError) return 'erased';
        // Another process created the child's key first: the next round reads it.
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        continue;
      }
      return this.followRotation({ ...created, revision: 0n }, wrapAt);
    }
    throw new Error('The child’s key could neither be read nor created.');
  }

  async erase(childRef: string, on: string): Promise<boolean> {
    await this.appendOnce(
      childErasureStream(childRef),
      jsonEvent({ type: 'ChildDataErasureRecorded', data: { childRef, erasedOn: on } }),
    );
    const key = await this.keyOfChild(childRef);
    const live = key !== undefined && key !== 'deleted';
    // Owed before the key goes: a crash after the tombstone still leaves the rotation to be done.
    if (live)
      await this.client.appendToStream(
        CHILD_KEYS_WRAPPING_STREAM,
        [jsonEvent({ type: 'ChildKeyRotationOwed', data: {} })],
        { expectedRevision: ANY },
      );
    await this.tombstone(wrappedKeyStream(childRef));
    if (live) await this.tombstone(childKeyIdStream(key.keyId));
    return live || (await this.history()).rotationOwed;
  }

  async rewrapAll(from: number, to: number, rewrap: Rewrap): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const history = await this.history();
      if (history.generation !== from) return;
      if (history.rotatingTo !== undefined && history.rotatingTo !== to) {
        throw new Error(
          `A rotation of the children's keys to generation ${history.rotatingTo} is under way, not to ${to}.`,
        );
      }
      if (history.rotatingTo === to) break;
      try {
        await this.client.appendToStream(
          CHILD_KEYS_WRAPPING_STREAM,
          [jsonEvent({ type: 'ChildKeysRotating', data: { from, to } })],
          {
            expectedRevision: history.revision ?? NO_STREAM,
          },
        );
        break;
      } catch (error) {
        // Another writer moved the stream on (an erasure, another rotation): read it again.
        if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
      }
    }
    for (const childRef of await this.registeredChildren()) await this.rewrapChild(childRef, from, to, rewrap);
    if (from === 0) for (const childRef of await this.rawKeyChildren()) await this.wrapRawKey(childRef, to, rewrap);
    await this.client.appendToStream(
      CHILD_KEYS_WRAPPING_STREAM,
      [jsonEvent({ type: 'ChildKeysRotated', data: { generation: to } })],
      { expectedRevision: ANY },
    );
  }

  /**
   * Nothing a client can run: older wrapped copies leave the server's files when a scavenge
   * rewrites their chunks (docs/eventstoredb.md); they open nothing once their generation is gone.
   */
  async compact(): Promise<void> {}

  /** Moves a key created while a rotation began onto the rotation's generation. */
  private async followRotation(key: StoredKey, wrapAt: WrapAt): Promise<WrappedChildKey | 'erased'> {
    let current = key;
    for (let attempt = 0; attempt < ATTEMPTS * 2; attempt++) {
      const generation = await this.target();
      if (current.generation === generation) return current;
      const moved: WrappedChildKey = { ...current, generation, wrapped: await wrapAt(generation) };
      try {
        await this.client.appendToStream(wrappedKeyStream(current.childRef), [wrappedEvent(moved)], {
          expectedRevision: current.revision,
        });
        return moved;
      } catch (error) {
        if (error instanceof StreamDeletedError) return 'erased';
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // The rotation re-wrapped it first.
        const latest = await this.keyOfChild(current.childRef);
        if (latest === undefined || latest === 'deleted') return 'erased';
        current = latest;
      }
    }
    throw new Error('The child’s key could not follow the rotation of the key-encryption key.');
  }

  private async rewrapChild(childRef: string, from: number, to: number, rewrap: Rewrap): Promise<void> {
    for (let attempt = 0; attempt < ATTEMPTS * 2; attempt++) {
      // A key whose erasure is on record is left behind: forgetting `from` destroys it.
      if (await this.isErased(childRef)) return;
      const key = await this.keyOfChild(childRef);
      // Gone, moved already, or left at a generation before `from` by a writer that died: nothing to carry.
      if (key === undefined || key === 'deleted' || key.generation !== from) return;
      const moved: WrappedChildKey = { ...key, generation: to, wrapped: await rewrap(key) };
      try {
        await this.client.appendToStream(wrappedKeyStream(childRef), [wrappedEvent(moved)], {
          expectedRevision: key.revision,
        });
        return;
      } catch (error) {
        if (error instanceof StreamDeletedError) return;
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
    throw new Error(`The key of ${childRef} could not be re-wrapped.`);
  }

  /** A raw key of a store from before wrapping: written wrapped, then its old streams tombstoned. */
  private async wrapRawKey(childRef: string, to: number, rewrap: Rewrap): Promise<void> {
    const raw = await this.firstEvent(rawKeyStream(childRef));
    if (typeof raw === 'string') return;
    const { keyId, key } = raw.data;
    if (typeof keyId !== 'string' || typeof key !== 'string')
      throw new Error(`The key stream of a child holds no key (${rawKeyStream(childRef)}).`);
    if (!(await this.isErased(childRef)) && (await this.keyOfChild(childRef)) === undefined) {
      const wrapped: WrappedChildKey = {
        childRef,
        keyId,
        generation: to,
        wrapped: await rewrap({ childRef, keyId, generation: 0, wrapped: Buffer.from(key, 'base64') }),
      };
      await this.client.appendToStream(
        childKeyIdStream(keyId),
        [jsonEvent({ type: 'ChildKeyIndexed', data: { childRef } })],
        { expectedRevision: ANY },
      );
      await this.client.appendToStream(
        CHILD_KEYS_CREATED_STREAM,
        [jsonEvent({ type: 'ChildKeyRegistered', data: { childRef } })],
        { expectedRevision: ANY },
      );
      await this.appendOnce(wrappedKeyStream(childRef), wrappedEvent(wrapped));
    }
    await this.tombstone(rawKeyStream(childRef));
    await this.tombstone(rawKeyIdStream(keyId));
  }

  /** The generation a key written now takes: the one a rotation under way moves to, else the store's. */
  private async target(): Promise<number> {
    const history = await this.history();
    return history.rotatingTo ?? history.generation;
  }

  /**
   * The wrapping stream read back to the last rotation begun: that rotation's generations, then
   * what came after it (erasures owing another, its end).
   */
  private async history(): Promise<WrappingHistory> {
    const after: Read[] = [];
    let rotating: { from: number; to: number } | undefined;
    let revision: bigint | undefined;
    for (const read of await this.readBackwards(
      CHILD_KEYS_WRAPPING_STREAM,
      (each) => each.type === 'ChildKeysRotating',
    )) {
      revision ??= read.revision;
      if (read.type === 'ChildKeysRotating') {
        const { from, to } = read.data;
        if (typeof from !== 'number' || typeof to !== 'number')
          throw new Error(`${CHILD_KEYS_WRAPPING_STREAM} holds a rotation without its generations.`);
        rotating = { from, to };
      } else after.push(read);
    }
    let generation = rotating?.from ?? 0;
    let rotatingTo = rotating?.to;
    let rotationOwed = false;
    for (const read of after.reverse()) {
      if (read.type === 'ChildKeyRotationOwed') rotationOwed = true;
      if (read.type === 'ChildKeysRotated' && typeof read.data['generation'] === 'number') {
        generation = read.data['generation'];
        rotatingTo = undefined;
      }
    }
    return { generation, rotationOwed, revision, ...(rotatingTo === undefined ? {} : { rotatingTo }) };
  }

  /** The store's id, written with the wrapping stream's first event by whichever process comes first. */
  private async ownId(): Promise<string> {
    for (let attempt = 0; this.storeId === undefined && attempt < ATTEMPTS; attempt++) {
      const first = await this.firstEvent(CHILD_KEYS_WRAPPING_STREAM);
      if (first === 'deleted')
        throw new Error(`${CHILD_KEYS_WRAPPING_STREAM} was deleted: the store's children's keys cannot be opened.`);
      if (first !== 'missing' && typeof first.data['storeId'] === 'string') this.storeId = first.data['storeId'];
      else if (first === 'missing')
        await this.appendOnce(
          CHILD_KEYS_WRAPPING_STREAM,
          jsonEvent({ type: 'ChildKeysWrappingBegun', data: { storeId: randomUUID() } }),
        );
      else throw new Error(`${CHILD_KEYS_WRAPPING_STREAM} does not begin with the store's id.`);
    }
    if (this.storeId === undefined) throw new Error(`${CHILD_KEYS_WRAPPING_STREAM} could neither be read nor begun.`);
    return this.storeId;
  }

  private async registeredChildren(): Promise<string[]> {
    const children = new Set<string>();
    for (const read of await this.readBackwards(CHILD_KEYS_CREATED_STREAM, () => false)) {
      if (typeof read.data['childRef'] === 'string') children.add(read.data['childRef']);
    }
    return [...children];
  }

  /**
   * Children whose raw key a store from before wrapping still keeps: one read of the whole log, at
   * the store's first rotation only (the client reads `$all` unfiltered).
   */
  private async rawKeyChildren(): Promise<string[]> {
    const prefix = rawKeyStream('');
    const children = new Set<string>();
    for await (const resolved of finishedRead(this.client.readAll({ direction: FORWARDS, fromPosition: START }))) {
      const stream = resolved.event?.streamId;
      if (resolved.event?.type === 'ChildKeyCreated' && stream?.startsWith(prefix) === true)
        children.add(stream.slice(prefix.length));
    }
    return [...children];
  }

  /** The child's key; 'deleted' once its stream is tombstoned; undefined before it is created. */
  private async keyOfChild(childRef: string): Promise<StoredKey | 'deleted' | undefined> {
    try {
      for (const read of await this.readBackwards(wrappedKeyStream(childRef), () => true))
        return storedKeyOf(childRef, read);
      return undefined;
    } catch (error) {
      if (error instanceof StreamDeletedError) return 'deleted';
      throw error;
    }
  }

  /** A stream's events, last first, up to and including the first `stop` accepts; none for a stream never written. */
  private async readBackwards(stream: string, stop: (read: Read) => boolean): Promise<Read[]> {
    const reads: Read[] = [];
    try {
      for await (const resolved of finishedRead<ResolvedEvent>(
        this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END }),
      )) {
        const event = resolved.event;
        if (event === undefined || !isRecord(event.data)) continue;
        const read = { data: event.data, type: event.type, revision: event.revision };
        reads.push(read);
        if (stop(read)) break;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return reads;
  }

  private async firstEvent(
    stream: string,
  ): Promise<{ readonly data: Record<string, unknown> } | 'missing' | 'deleted'> {
    try {
      for await (const resolved of finishedRead(this.client.readStream(stream, { maxCount: 1 }))) {
        const data: unknown = resolved.event?.data;
        if (isRecord(data)) return { data };
      }
      return 'missing';
    } catch (error) {
      if (error instanceof StreamNotFoundError) return 'missing';
      if (error instanceof StreamDeletedError) return 'deleted';
      throw error;
    }
  }

  /** Writes a stream's first event; a stream already begun keeps what it holds. */
  private async appendOnce(stream: string, event: ReturnType<typeof jsonEvent>): Promise<void> {
    try {
      await this.client.appendToStream(stream, [event], { expectedRevision: NO_STREAM });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
  }

  private async tombstone(stream: string): Promise<void> {
    try {
      await this.client.tombstoneStream(stream, { expectedRevision: ANY });
    } catch (error) {
      if (!(error instanceof StreamDeletedError)) throw error;
    }
  }
}
