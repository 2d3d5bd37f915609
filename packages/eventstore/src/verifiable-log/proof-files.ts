import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { decodeWith, struct, type DomainError } from '@coachline/domain';
import { canonicalContent } from '../integrity/event-hash';
import { openLogCheckpoint, type OpenedLogCheckpoint } from '../integrity/merkle/checkpoint';
import { verifyConsistency, verifyInclusion } from '../integrity/merkle/proof-verifier';
import { parseVerifierKey, strictBase64, type NoteVerifier } from '../integrity/merkle/signed-note';
import { eventLeafHash, HASH_BYTES, type TreeHash } from '../integrity/merkle/tree-hash';

const Base64Hash = new t.Type<string, string, unknown>(
  'Base64Hash',
  (u): u is string => typeof u === 'string' && strictBase64(u)?.length === HASH_BYTES,
  (u, c) =>
    typeof u === 'string' && strictBase64(u)?.length === HASH_BYTES
      ? t.success(u)
      : t.failure(u, c, 'expected a 32-byte hash in base64'),
  t.identity,
);

const TreeIndex = new t.Type<number, number, unknown>(
  'TreeIndex',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
  (u, c) =>
    typeof u === 'number' && Number.isSafeInteger(u) && u >= 0
      ? t.success(u)
      : t.failure(u, c, 'expected a whole number ≥ 0'),
  t.identity,
);

/** The event as an export line gives it: what its leaf is computed from. */
const ProvenEvent = struct(
  'ProvenEvent',
  {
    id: t.string,
    stream: t.string,
    revision: TreeIndex,
    type: t.string,
    schemaVersion: t.number,
    data: t.unknown,
    metadata: t.unknown,
  },
  { position: t.number, integrity: t.unknown },
);

/**
 * One event and the audit path that puts it in a signed tree: all an auditor needs, with the
 * verifier key they trust, to check offline that the store's signed history holds this event.
 */
export const InclusionProofFile = struct('InclusionProofFile', {
  format: t.literal('coachline-inclusion-proof/1'),
  event: ProvenEvent,
  leafIndex: TreeIndex,
  treeSize: TreeIndex,
  proof: t.array(Base64Hash),
  /** The signed checkpoint of `treeSize` leaves. */
  checkpoint: t.string,
});
export type InclusionProofFile = t.TypeOf<typeof InclusionProofFile>;

/** That the tree of the `to` checkpoint extends the tree of the `from` checkpoint. */
export const ConsistencyProofFile = struct('ConsistencyProofFile', {
  format: t.literal('coachline-consistency-proof/1'),
  from: t.string,
  to: t.string,
  proof: t.array(Base64Hash),
});
export type ConsistencyProofFile = t.TypeOf<typeof ConsistencyProofFile>;

export const decodeInclusionProofFile: (input: unknown) => E.Either<DomainError, InclusionProofFile> = decodeWith(
  InclusionProofFile,
  'The inclusion proof',
);
export const decodeConsistencyProofFile: (input: unknown) => E.Either<DomainError, ConsistencyProofFile> = decodeWith(
  ConsistencyProofFile,
  'The consistency proof',
);

const hashes = (encoded: readonly string[]): TreeHash[] => encoded.map((hash) => Buffer.from(hash, 'base64'));

export const encodeHashes = (proof: readonly TreeHash[]): string[] =>
  proof.map((hash) => Buffer.from(hash).toString('base64'));

/** Reads verifier key strings, naming the first that is not one. */
export const parseVerifierKeys = (keys: readonly string[]): E.Either<string, NoteVerifier[]> => {
  const verifiers: NoteVerifier[] = [];
  for (const key of keys) {
    const parsed = parseVerifierKey(key.trim());
    if (E.isLeft(parsed)) return E.left(`the verifier key "${key.trim().slice(0, 80)}" is refused: ${parsed.left}`);
    verifiers.push(parsed.right);
  }
  return E.right(verifiers);
};

export interface ProvenInclusion {
  readonly checkpoint: OpenedLogCheckpoint;
  readonly leafIndex: number;
}

/** Checks an inclusion proof file offline: the checkpoint's signature, then the event's audit path to its root. */
export const checkInclusionProof = (
  file: InclusionProofFile,
  verifiers: readonly NoteVerifier[],
): E.Either<string, ProvenInclusion> => {
  const opened = openLogCheckpoint(file.checkpoint, verifiers);
  if (E.isLeft(opened)) return E.left(`the checkpoint is refused: ${opened.left}`);
  const { size, root } = opened.right.checkpoint;
  if (size !== file.treeSize)
    return E.left(`the proof is for a tree of ${file.treeSize} events, the checkpoint's has ${size}`);
  let leaf: TreeHash;
  try {
    leaf = eventLeafHash(canonicalContent(file.event));
  } catch (error) {
    return E.left(`the event cannot be hashed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const included = verifyInclusion(file.leafIndex, size, leaf, hashes(file.proof), root);
  if (E.isLeft(included)) return E.left(`the event is not in the signed tree: ${included.left}`);
  return E.right({ checkpoint: opened.right, leafIndex: file.leafIndex });
};

export interface ProvenConsistency {
  readonly from: OpenedLogCheckpoint;
  readonly to: OpenedLogCheckpoint;
}

/** Opens both checkpoints (same log) and checks that the newer tree extends the older. */
export const checkConsistency = (
  from: string,
  to: string,
  proof: readonly TreeHash[],
  verifiers: readonly NoteVerifier[],
): E.Either<string, ProvenConsistency> => {
  const older = openLogCheckpoint(from, verifiers);
  if (E.isLeft(older)) return E.left(`the older checkpoint is refused: ${older.left}`);
  const newer = openLogCheckpoint(to, verifiers, older.right.checkpoint.origin);
  if (E.isLeft(newer)) return E.left(`the newer checkpoint is refused: ${newer.left}`);
  const { size: olderSize, root: olderRoot } = older.right.checkpoint;
  const { size: newerSize, root: newerRoot } = newer.right.checkpoint;
  const consistent = verifyConsistency(olderSize, newerSize, olderRoot, newerRoot, proof);
  if (E.isLeft(consistent))
    return E.left(`the tree of ${newerSize} events does not extend the tree of ${olderSize}: ${consistent.left}`);
  return E.right({ from: older.right, to: newer.right });
};

export const checkConsistencyProofFile = (
  file: ConsistencyProofFile,
  verifiers: readonly NoteVerifier[],
): E.Either<string, ProvenConsistency> => checkConsistency(file.from, file.to, hashes(file.proof), verifiers);
