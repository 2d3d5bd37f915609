import * as E from 'fp-ts/Either';
import type { StoredEvent } from '../event-store';
import { canonicalContent, type HashedContent } from '../integrity/event-hash';
import { signLogCheckpoint } from '../integrity/merkle/checkpoint';
import { MerkleLog } from '../integrity/merkle/merkle-log';
import { InMemoryMerkleNodeStore } from '../integrity/merkle/node-store';
import { generateNoteKey, parseVerifierKey, type NoteVerifier } from '../integrity/merkle/signed-note';
import { eventLeafHash } from '../integrity/merkle/tree-hash';
import { encodeHashes, type InclusionProofFile } from './proof-files';

/** A signing key and the verifier an auditor holds for it: the log's origin is the key's name. */
export interface LogKey {
  readonly name: string;
  readonly privateKeyPem: string;
  readonly verifierKey: string;
  readonly verifier: NoteVerifier;
}

export const logKey = (name = 'coachline.test/log'): LogKey => {
  const { privateKeyPem, verifierKey } = generateNoteKey(name);
  const verifier = parseVerifierKey(verifierKey);
  if (E.isLeft(verifier)) throw new Error(verifier.left);
  return { name, privateKeyPem, verifierKey, verifier: verifier.right };
};

/** The tree of a history as it reads, event by event: what a store holding that history would keep. */
export const treeOf = async (history: readonly HashedContent[]): Promise<MerkleLog> => {
  const tree = MerkleLog.empty(new InMemoryMerkleNodeStore());
  await tree.append(history.map((event) => eventLeafHash(canonicalContent(event))));
  return tree;
};

/** The checkpoint `key` signs over the whole of `tree`. */
export const checkpointOf = (tree: MerkleLog, key: LogKey): string =>
  signLogCheckpoint({ origin: key.name, size: tree.size, root: tree.root(), extensions: [] }, [key]);

/** The proof file a store holding `tree` would hand out for `event` at `leafIndex`, under `checkpoint`. */
export const inclusionFileOf = async (
  tree: MerkleLog,
  event: HashedContent | StoredEvent,
  leafIndex: number,
  checkpoint: string,
): Promise<InclusionProofFile> => {
  const proof = await tree.inclusionProof(leafIndex, tree.size);
  if (E.isLeft(proof)) throw new Error(proof.left);
  const { id, stream, revision, type, schemaVersion, data, metadata } = event;
  return {
    format: 'coachline-inclusion-proof/1',
    event: { id, stream, revision, type, schemaVersion, data, metadata },
    leafIndex,
    treeSize: tree.size,
    proof: encodeHashes(proof.right),
    checkpoint,
  };
};
