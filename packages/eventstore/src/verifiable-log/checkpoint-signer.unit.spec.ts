import * as E from 'fp-ts/Either';
import * as fc from 'fast-check';
import { openLogCheckpoint } from '../integrity/merkle/checkpoint';
import { MerkleLog } from '../integrity/merkle/merkle-log';
import { InMemoryMerkleNodeStore } from '../integrity/merkle/node-store';
import { parseVerifierKey } from '../integrity/merkle/signed-note';
import { eventLeafHash } from '../integrity/merkle/tree-hash';
import { logNameOf, signCheckpoint, storedCheckpointOf } from './checkpoint-signer';
import { checkConsistency } from './proof-files';
import { newSigningKeyText, parseSigningKeyText, SigningKeyError, type CheckpointSigningKey } from './signing-key';
import type { CheckpointLog, StoredCheckpoint, VerifiableLog } from './verifiable-log';

/** A tree over made-up leaves, as an engine keeps one, that a test can grow. */
class GrowingLog implements VerifiableLog {
  private constructor(private readonly tree: MerkleLog) {}

  static empty(): GrowingLog {
    return new GrowingLog(MerkleLog.empty(new InMemoryMerkleNodeStore()));
  }

  async grow(events: number): Promise<void> {
    const start = this.tree.size;
    await this.tree.append(Array.from({ length: events }, (_, i) => eventLeafHash(`{"event":${start + i}}`)));
  }

  treeHead = async () => ({ size: this.tree.size, root: this.tree.root() });
  rootAt = (size: number) => this.tree.rootAt(size);
  leafIndexOf = async () => undefined;
  inclusionProof = (index: number, size: number) => this.tree.inclusionProof(index, size);
  consistencyProof = (older: number, newer: number) => this.tree.consistencyProof(older, newer);
}

/** Checkpoints kept in a map, the first of a size standing, as the port says. */
class KeptCheckpoints implements CheckpointLog {
  readonly kept = new Map<number, StoredCheckpoint>();
  readonly keys: string[] = [];

  save = async (checkpoint: StoredCheckpoint) => {
    if (!this.kept.has(checkpoint.size)) this.kept.set(checkpoint.size, checkpoint);
  };
  private sorted = () => [...this.kept.values()].sort((a, b) => a.size - b.size);
  latest = async () => this.sorted().at(-1);
  atSize = async (size: number) => this.kept.get(size);
  covering = async (size: number) => this.sorted().find((checkpoint) => checkpoint.size >= size);
  list = async ({ after = 0, limit = 100 } = {}) =>
    this.sorted()
      .filter((c) => c.size > after)
      .slice(0, limit);
  publishedKeys = async () => [...this.keys];
  publishKey = async (key: string) => {
    if (!this.keys.includes(key)) this.keys.push(key);
  };
}

const keyNamed = (name: string): CheckpointSigningKey =>
  parseSigningKeyText(`/keys/${name.replace('/', '-')}`, newSigningKeyText(name));

const verifierOf = (key: CheckpointSigningKey) => {
  const parsed = parseVerifierKey(key.verifierKey);
  if (E.isLeft(parsed)) throw new Error(parsed.left);
  return parsed.right;
};

const NOON = new Date('2026-12-06T12:00:00.000Z');

describe('signing a checkpoint', () => {
  it('publishes the key and signs the tree head, its origin the key’s name', async () => {
    const log = GrowingLog.empty();
    const checkpoints = new KeptCheckpoints();
    const key = keyNamed('coachline/0123456789abcdef');
    await log.grow(5);

    const signed = await signCheckpoint(log, checkpoints, key, NOON);

    expect(checkpoints.keys).toEqual([key.verifierKey]);
    expect(signed).toMatchObject({ size: 5, signedAt: '2026-12-06T12:00:00.000Z' });
    const opened = openLogCheckpoint(signed.note, [verifierOf(key)], 'coachline/0123456789abcdef');
    expect(E.isRight(opened) && opened.right.checkpoint.size).toBe(5);
    expect(E.isRight(opened) && Buffer.from(opened.right.checkpoint.root)).toEqual(
      Buffer.from((await log.treeHead()).root),
    );
    expect(storedCheckpointOf(signed).origin).toBe('coachline/0123456789abcdef');
  });

  it('signs nothing new while the tree has not grown, and publishes the key once', async () => {
    const log = GrowingLog.empty();
    const checkpoints = new KeptCheckpoints();
    const key = keyNamed('coachline/log');
    await log.grow(3);
    const first = await signCheckpoint(log, checkpoints, key, NOON);
    const again = await signCheckpoint(log, checkpoints, key, new Date('2026-12-06T13:00:00.000Z'));
    expect(again).toEqual(first);
    expect(checkpoints.kept.size).toBe(1);
    expect(checkpoints.keys).toHaveLength(1);
  });

  it('signs checkpoints each newer one of which is proven to extend the one before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 6 }), async (growths) => {
        const log = GrowingLog.empty();
        const checkpoints = new KeptCheckpoints();
        const key = keyNamed('coachline/grows');
        for (const growth of growths) {
          await log.grow(growth);
          await signCheckpoint(log, checkpoints, key, NOON);
        }
        const all = await checkpoints.list();
        expect(all.map((checkpoint) => checkpoint.size)).toEqual([...new Set(all.map((c) => c.size))]);
        for (const [older, newer] of all.slice(1).map((newer, i) => [all[i]!, newer] as const)) {
          const proof = await log.consistencyProof(older.size, newer.size);
          if (E.isLeft(proof)) throw new Error(proof.left);
          expect(E.isRight(checkConsistency(older.note, newer.note, proof.right, [verifierOf(key)]))).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('signs under a new key of the same log after a rotation, both keys published', async () => {
    const log = GrowingLog.empty();
    const checkpoints = new KeptCheckpoints();
    const old = keyNamed('coachline/rotated');
    const next = keyNamed('coachline/rotated');
    await log.grow(2);
    const before = await signCheckpoint(log, checkpoints, old, NOON);
    await log.grow(2);
    const after = await signCheckpoint(log, checkpoints, next, NOON);
    expect(checkpoints.keys).toEqual([old.verifierKey, next.verifierKey]);
    const proof = await log.consistencyProof(2, 4);
    if (E.isLeft(proof)) throw new Error(proof.left);
    expect(E.isRight(checkConsistency(before.note, after.note, proof.right, [verifierOf(old), verifierOf(next)]))).toBe(
      true,
    );
  });

  it('refuses the key file of another log, and publishes nothing of it', async () => {
    const log = GrowingLog.empty();
    const checkpoints = new KeptCheckpoints();
    const ours = keyNamed('coachline/ours');
    await log.grow(1);
    await signCheckpoint(log, checkpoints, ours, NOON);
    await log.grow(1);
    const theirs = keyNamed('coachline/theirs');
    await expect(signCheckpoint(log, checkpoints, theirs, NOON)).rejects.toThrow(
      new SigningKeyError(
        '/keys/coachline-theirs is the key of log "coachline/theirs", but this store\'s checkpoints are of log "coachline/ours": use that log\'s key, or a new key named "coachline/ours".',
      ),
    );
    expect(checkpoints.keys).toEqual([ours.verifierKey]);
    expect(checkpoints.kept.size).toBe(1);
  });

  it('takes the store’s log from its first published key before any checkpoint, and refuses another’s', async () => {
    const log = GrowingLog.empty();
    const checkpoints = new KeptCheckpoints();
    expect(await logNameOf(checkpoints)).toBeUndefined();
    const ours = keyNamed('coachline/ours');
    await checkpoints.publishKey('not a verifier key');
    await checkpoints.publishKey(ours.verifierKey);
    expect(await logNameOf(checkpoints)).toBe('coachline/ours');
    await log.grow(1);
    await expect(signCheckpoint(log, checkpoints, keyNamed('coachline/theirs'), NOON)).rejects.toThrow(
      /is the key of log "coachline\/theirs", but this store's checkpoints are of log "coachline\/ours"/u,
    );
    expect(checkpoints.kept.size).toBe(0);
    await signCheckpoint(log, checkpoints, ours, NOON);
    expect(await logNameOf(checkpoints)).toBe('coachline/ours');
  });

  it('refuses to sign a tree smaller than one it signed: a store restored from an older copy', async () => {
    const key = keyNamed('coachline/restored');
    const checkpoints = new KeptCheckpoints();
    const bigger = GrowingLog.empty();
    await bigger.grow(4);
    await signCheckpoint(bigger, checkpoints, key, NOON);
    const smaller = GrowingLog.empty();
    await smaller.grow(3);
    await expect(signCheckpoint(smaller, checkpoints, key, NOON)).rejects.toThrow(
      'The store holds 3 events, fewer than the 4 its latest checkpoint signed',
    );
    expect(checkpoints.kept.size).toBe(1);
  });

  it('refuses to pass off a rewritten history of the size it signed', async () => {
    const key = keyNamed('coachline/rewritten');
    const checkpoints = new KeptCheckpoints();
    const honest = GrowingLog.empty();
    await honest.grow(4);
    await signCheckpoint(honest, checkpoints, key, NOON);
    const rewritten = GrowingLog.empty();
    await rewritten.grow(3);
    const tree = rewritten as unknown as { tree: MerkleLog };
    await tree.tree.append([eventLeafHash('{"event":"forged"}')]);
    await expect(signCheckpoint(rewritten, checkpoints, key, NOON)).rejects.toThrow(
      'The tree of 4 events no longer has the root its checkpoint signed.',
    );
  });
});
