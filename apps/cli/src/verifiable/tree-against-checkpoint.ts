import * as E from 'fp-ts/Either';
import { printableText } from '@coachline/domain';
import type { OpenedLogCheckpoint, TreeHash } from '@coachline/eventstore';

/** A checkpoint the recomputed tree agrees with. */
export interface CheckpointMatch {
  /** The log the checkpoint names (its signing key's name). */
  readonly origin: string;
  /** How many events it signed. */
  readonly size: number;
  /** How many events the tree was recomputed from: those past `size` no checkpoint covers yet. */
  readonly events: number;
  readonly signedBy: readonly string[];
}

const equal = (a: TreeHash, b: TreeHash): boolean => Buffer.from(a).equals(Buffer.from(b));

/**
 * Holds a tree recomputed from the events against a signed checkpoint: the tree must reach the
 * signed size (else events the checkpoint covered were removed) and have the signed root there
 * (else one of them was altered, removed or moved).
 */
export const treeAgainstCheckpoint = (
  opened: OpenedLogCheckpoint,
  events: number,
  rootAtSize: TreeHash | undefined,
): E.Either<string, CheckpointMatch> => {
  const { origin, size, root } = opened.checkpoint;
  if (events < size)
    return E.left(
      `the checkpoint of ${origin} signed ${size} events, only ${events} are here: the newest ${size - events} were removed`,
    );
  if (rootAtSize === undefined || !equal(rootAtSize, root))
    return E.left(
      `the first ${size} events do not hash to the root the checkpoint of ${origin} signed: one of them was altered, removed or moved`,
    );
  return E.right({ origin, size, events, signedBy: opened.signedBy });
};

/** One line for a checkpoint the events match, and for the events it does not cover yet; names as printable text. */
export const formatCheckpointMatch = (match: CheckpointMatch): string =>
  `checkpoint: the first ${match.size} events match the checkpoint of ${printableText(match.origin)} (signed by ${match.signedBy.map((name) => printableText(name)).join(', ')})${
    match.events > match.size ? `; ${match.events - match.size} event(s) after it not yet covered by a checkpoint` : ''
  }`;
