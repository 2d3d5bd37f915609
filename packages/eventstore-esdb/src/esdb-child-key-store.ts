/**
 * Children's data keys in EventStoreDB, beside the events they seal. Three kinds of stream, all
 * `$`-prefixed so that Coachline's own reads (`readAll`, `subscribe`, which skip EventStoreDB's
 * system streams) never deliver them, and so that a secured server lets only `$admins` read them
 * unless its system-stream ACL says otherwise:
 *
 *     $coachline-child-key-<childRef>          ChildKeyCreated { keyId, key }   one event, written with no-stream
 *     $coachline-child-key-id-<keyId>          ChildKeyIndexed { childRef }     how `find(keyId)` reaches the child
 *     $coachline-child-erasure-<childRef>      ChildDataErasureRecorded { childRef, erasedOn }
 *
 * The key id is random: it carries no trace of the child, so sealed values name no child.
 * Erasure records the tombstone first, then tombstones (hard-deletes) the key stream, which no
 * append can ever recreate. A tombstoned event stays in the server's files until a scavenge
 * rewrites the chunks (docs/eventstoredb.md).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  ANY,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import type { ChildKey, ChildKeyStore } from '@coachline/eventstore';
import { finishedRead } from './finished-read';

export const childKeyStream = (childRef: string): string => `$coachline-child-key-${childRef}`;
export const childKeyIdStream = (keyId: string): string => `$coachline-child-key-id-${keyId}`;
export const childErasureStream = (childRef: string): string => `$coachline-child-erasure-${childRef}`;

/** What a read of a stream found: its first event's data, none (never written), or a tombstone. */
type FirstEvent = { readonly data: Record<string, unknown> } | 'missing' | 'deleted';

/** Rounds of read-then-create before giving up; each lost race ends with the winner's key read. */
const KEY_FOR_ATTEMPTS = 3;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export class EsdbChildKeyStore implements ChildKeyStore {
  constructor(private readonly client: EventStoreDBClient) {}

  async keyFor(childRef: string): Promise<ChildKey | 'erased'> {
    for (let attempt = 0; attempt < KEY_FOR_ATTEMPTS; attempt++) {
      // An erasure on record whose key stream was not tombstoned yet (a crash between the two) counts.
      if (await this.isErased(childRef)) return 'erased';
      const known = await this.keyOfChild(childRef);
      if (known !== undefined) return known;
      const created: ChildKey = { keyId: randomUUID(), key: randomBytes(32) };
      // The index first: a key another process reads must already be findable by its id.
      await this.client.appendToStream(childKeyIdStream(created.keyId), [jsonEvent({ type: 'ChildKeyIndexed', data: { childRef } })], {
        expectedRevision: NO_STREAM,
      });
      try {
        await this.client.appendToStream(
          childKeyStream(childRef),
          [jsonEvent({ type: 'ChildKeyCreated', data: { keyId: created.keyId, key: Buffer.from(created.key).toString('base64') } })],
          { expectedRevision: NO_STREAM },
        );
        return created;
      } catch (error) {
        await this.dropIndex(created.keyId);
        if (error instanceof StreamDeletedError) return 'erased';
        // Another process created the child's key first: the next round reads it.
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
    throw new Error('The child’s key could neither be read nor created.');
  }

  async find(keyId: string): Promise<ChildKey | undefined> {
    const index = await this.firstEvent(childKeyIdStream(keyId));
    if (typeof index === 'string' || typeof index.data['childRef'] !== 'string') return undefined;
    const childRef = index.data['childRef'];
    if (await this.isErased(childRef)) return undefined;
    const key = await this.keyOfChild(childRef);
    // An index left by a writer that lost the race names the child, not this key: the id must match.
    return key !== undefined && key !== 'erased' && key.keyId === keyId ? key : undefined;
  }

  async isErased(childRef: string): Promise<boolean> {
    return typeof (await this.firstEvent(childErasureStream(childRef))) !== 'string';
  }

  async erase(childRef: string, on: string): Promise<void> {
    try {
      await this.client.appendToStream(
        childErasureStream(childRef),
        [jsonEvent({ type: 'ChildDataErasureRecorded', data: { childRef, erasedOn: on } })],
        { expectedRevision: NO_STREAM },
      );
    } catch (error) {
      // Erased before: the first erasure's record stands.
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    const key = await this.keyOfChild(childRef);
    await this.tombstone(childKeyStream(childRef));
    if (key !== undefined && key !== 'erased') {
      await this.tombstone(childKeyIdStream(key.keyId));
      (key.key as Uint8Array).fill(0);
    }
  }

  /** The child's key; 'erased' once its stream is tombstoned; undefined before it is created. */
  private async keyOfChild(childRef: string): Promise<ChildKey | 'erased' | undefined> {
    const found = await this.firstEvent(childKeyStream(childRef));
    if (found === 'deleted') return 'erased';
    if (found === 'missing') return undefined;
    const { keyId, key } = found.data;
    if (typeof keyId !== 'string' || typeof key !== 'string') {
      throw new Error(`The key stream of a child holds no key (${childKeyStream(childRef)}).`);
    }
    return { keyId, key: Buffer.from(key, 'base64') };
  }

  private async firstEvent(stream: string): Promise<FirstEvent> {
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

  private async tombstone(stream: string): Promise<void> {
    try {
      await this.client.tombstoneStream(stream, { expectedRevision: ANY });
    } catch (error) {
      if (!(error instanceof StreamDeletedError)) throw error;
    }
  }

  /** The index of a key that lost the race to another process: no key stands behind it. */
  private async dropIndex(keyId: string): Promise<void> {
    await this.tombstone(childKeyIdStream(keyId)).catch(() => undefined);
  }
}
