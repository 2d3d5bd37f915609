import * as E from 'fp-ts/Either';
import { parseLogCheckpointText, signLogCheckpoint, type LogCheckpoint } from '../integrity/merkle/checkpoint';
import { parseVerifierKey } from '../integrity/merkle/signed-note';
import { sameHash } from '../integrity/merkle/tree-hash';
import type { CheckpointSigningKey } from './signing-key';
import { SigningKeyError } from './signing-key';
import type { CheckpointLog, StoredCheckpoint, VerifiableLog } from './verifiable-log';

/** The text a stored checkpoint signs, read back; the store wrote it, so a note it cannot read is a fault. */
export const storedCheckpointOf = (stored: StoredCheckpoint): LogCheckpoint => {
  const split = stored.note.lastIndexOf('\n\n');
  const parsed = parseLogCheckpointText(split === -1 ? stored.note : stored.note.slice(0, split + 1));
  if (E.isLeft(parsed)) throw new Error(`The stored checkpoint of ${stored.size} events is unreadable: ${parsed.left}`);
  return parsed.right;
};

/**
 * The log a store's checkpoints are of: its latest checkpoint's origin or, before the first one is
 * signed, the name of the first verifier key published with it (the API publishes its key as it
 * starts, so a store can name its log before it holds a single event). `undefined` for neither.
 */
export const logNameOf = async (checkpoints: CheckpointLog): Promise<string | undefined> => {
  const latest = await checkpoints.latest();
  if (latest !== undefined) return storedCheckpointOf(latest).origin;
  for (const published of await checkpoints.publishedKeys()) {
    const verifier = parseVerifierKey(published);
    if (E.isRight(verifier)) return verifier.right.name;
  }
  return undefined;
};

/**
 * Signs the tree as it is now, unless the latest checkpoint already has its size (that one is
 * returned). The key is published first, so every checkpoint kept can be checked against a key the
 * store publishes.
 *
 * Refused, by throwing: a key of another log (its name is not the store's, `logNameOf`),
 * and a tree that no longer extends the latest checkpoint (smaller, or of the same size with another
 * root) — signing then would put the store's name to a history that contradicts what it signed.
 */
export const signCheckpoint = async (
  log: VerifiableLog,
  checkpoints: CheckpointLog,
  key: CheckpointSigningKey,
  now: Date,
): Promise<StoredCheckpoint> => {
  const origin = key.signer.name;
  const storeLog = await logNameOf(checkpoints);
  if (storeLog !== undefined && storeLog !== origin)
    throw new SigningKeyError(
      `${key.location} is the key of log "${origin}", but this store's checkpoints are of log "${storeLog}": use that log's key, or a new key named "${storeLog}".`,
    );
  const latest = await checkpoints.latest();
  const signed = latest === undefined ? undefined : storedCheckpointOf(latest);
  await checkpoints.publishKey(key.verifierKey);
  const head = await log.treeHead();
  if (latest !== undefined && signed !== undefined) {
    if (head.size < signed.size)
      throw new Error(
        `The store holds ${head.size} events, fewer than the ${signed.size} its latest checkpoint signed: it is not the store that signed it.`,
      );
    if (head.size === signed.size) {
      if (!sameHash(head.root, signed.root))
        throw new Error(`The tree of ${head.size} events no longer has the root its checkpoint signed.`);
      return latest;
    }
  }
  const note = signLogCheckpoint({ origin, size: head.size, root: head.root, extensions: [] }, [key.signer]);
  await checkpoints.save({ size: head.size, note, signedAt: now.toISOString() });
  // Another process may have signed this size first; the one kept is the one to give.
  const kept = await checkpoints.atSize(head.size);
  if (kept === undefined) throw new Error(`The checkpoint of ${head.size} events was not kept`);
  return kept;
};
