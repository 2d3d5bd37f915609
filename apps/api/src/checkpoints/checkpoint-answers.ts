import { Instant, NonNegativeInteger, struct } from '@coachline/domain';
import { type StoredCheckpoint, storedCheckpointOf } from '@coachline/eventstore';
import * as t from 'io-ts';

const DIGITS = /^\d{1,15}$/;

/** A tree size or position as a path or query string carries it: decimal digits, decoded to the string. */
export const TreeSizeParam = Object.assign(
  new t.Type<string, string, unknown>(
    'TreeSize',
    (u): u is string => typeof u === 'string' && DIGITS.test(u),
    (u, c) =>
      typeof u === 'string' && DIGITS.test(u)
        ? t.success(u)
        : t.failure(u, c, 'expected a number of events (1 to 15 digits)'),
    t.identity,
  ),
  { pattern: DIGITS },
);

const LIMIT = /^(?:[1-9]\d{0,2}|1000)$/;
const LimitParam = Object.assign(
  new t.Type<string, string, unknown>(
    'Limit',
    (u): u is string => typeof u === 'string' && LIMIT.test(u),
    (u, c) => (typeof u === 'string' && LIMIT.test(u) ? t.success(u) : t.failure(u, c, 'expected 1 to 1000')),
    t.identity,
  ),
  { pattern: LIMIT },
);

export const DEFAULT_LISTED = 100;

/** `GET /checkpoints`: those of more than `after` events, smallest first, at most `limit` (default 100). */
export const CheckpointListQuery = struct('CheckpointListQuery', {}, { after: TreeSizeParam, limit: LimitParam });

/** `GET /checkpoints/consistency`: two sizes a checkpoint was signed for. */
export const ConsistencyQuery = struct('ConsistencyQuery', { from: TreeSizeParam, to: TreeSizeParam });

/** `GET /checkpoints/{size}` and `/checkpoints/latest` as JSON: the signed note, and what it says, read out. */
export const CheckpointAnswer = t.type(
  {
    size: NonNegativeInteger,
    origin: t.string,
    root: t.string,
    signedAt: Instant,
    note: t.string,
  },
  'Checkpoint',
);
export type CheckpointAnswer = t.TypeOf<typeof CheckpointAnswer>;

export const CheckpointListing = t.type({ checkpoints: t.array(CheckpointAnswer) }, 'CheckpointListing');

/** `GET /checkpoints/keys`: every verifier key the store published, oldest first. */
export const VerifierKeysAnswer = t.type({ keys: t.array(t.string) }, 'VerifierKeys');

export const checkpointAnswer = (stored: StoredCheckpoint): CheckpointAnswer => {
  const { origin, root } = storedCheckpointOf(stored);
  return {
    size: stored.size,
    origin,
    root: Buffer.from(root).toString('base64'),
    signedAt: stored.signedAt,
    note: stored.note,
  };
};

const HASH = /^[A-Za-z0-9+/]{43}=$/;
const Base64Hash = Object.assign(
  new t.Type<string, string, unknown>(
    'Base64Hash',
    (u): u is string => typeof u === 'string' && HASH.test(u),
    (u, c) => (typeof u === 'string' && HASH.test(u) ? t.success(u) : t.failure(u, c, 'expected a base64 SHA-256')),
    t.identity,
  ),
  { pattern: HASH },
);

/** `GET /events/{id}/proof`: the inclusion proof file, as the document says it. */
export const InclusionProofAnswer = t.type(
  {
    format: t.literal('coachline-inclusion-proof/1'),
    event: t.type({
      id: t.string,
      stream: t.string,
      revision: NonNegativeInteger,
      type: t.string,
      schemaVersion: t.number,
      data: t.unknown,
      metadata: t.unknown,
      position: NonNegativeInteger,
    }),
    leafIndex: NonNegativeInteger,
    treeSize: NonNegativeInteger,
    proof: t.array(Base64Hash),
    checkpoint: t.string,
  },
  'InclusionProof',
);

/** `GET /checkpoints/consistency`: the consistency proof file, as the document says it. */
export const ConsistencyProofAnswer = t.type(
  {
    format: t.literal('coachline-consistency-proof/1'),
    from: t.string,
    to: t.string,
    proof: t.array(Base64Hash),
  },
  'ConsistencyProof',
);
