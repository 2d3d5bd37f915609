import * as E from 'fp-ts/Either';
import { openNote, signNote, strictBase64, type NoteSigner, type NoteVerifier } from './signed-note';
import { HASH_BYTES, isTreeHash, isTreeSize, type TreeHash } from './tree-hash';

// C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): a signed note whose text is a tree head.

export interface LogCheckpoint {
  /** Names the log, so a checkpoint of one log is never taken for another's. */
  readonly origin: string;
  readonly size: number;
  readonly root: TreeHash;
  /** Optional non-empty lines after the root, signed with it. */
  readonly extensions: readonly string[];
}

export interface OpenedLogCheckpoint {
  readonly checkpoint: LogCheckpoint;
  readonly signedBy: readonly string[];
}

const DECIMAL = /^(0|[1-9][0-9]*)$/u;

const badLine = (line: string): boolean => line.length === 0 || line.includes('\n');

/** `<origin>\n<size>\n<base64 root>\n` and any extension lines. */
export const logCheckpointText = (checkpoint: LogCheckpoint): string => {
  const { origin, size, root, extensions } = checkpoint;
  if (badLine(origin)) throw new Error('A checkpoint origin is one non-empty line');
  if (!isTreeSize(size)) throw new Error(`A checkpoint cannot hold a tree of ${size} leaves`);
  if (!isTreeHash(root)) throw new Error('A checkpoint root is 32 bytes');
  if (extensions.some(badLine)) throw new Error('A checkpoint extension is one non-empty line');
  return [origin, String(size), Buffer.from(root).toString('base64'), ...extensions]
    .map((line) => `${line}\n`)
    .join('');
};

/** Reads a checkpoint text strictly: every line a refusal names is one an honest log never writes. */
export const parseLogCheckpointText = (text: string): E.Either<string, LogCheckpoint> => {
  if (!text.endsWith('\n')) return E.left('the checkpoint does not end in a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) return E.left('a checkpoint has an origin, a size and a root, one a line');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin.length === 0) return E.left('the checkpoint origin is empty');
  if (!DECIMAL.test(sizeText)) return E.left('the checkpoint size is not a decimal without leading zeros');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) return E.left('the checkpoint size is too large');
  const root = strictBase64(rootText);
  if (root?.length !== HASH_BYTES) return E.left('the checkpoint root is not a base64 32-byte hash');
  if (extensions.some((line) => line.length === 0)) return E.left('a checkpoint extension line is empty');
  return E.right({ origin, size, root, extensions });
};

export const signLogCheckpoint = (checkpoint: LogCheckpoint, signers: readonly NoteSigner[]): string =>
  signNote(logCheckpointText(checkpoint), signers);

/** Verifies a signed checkpoint and reads it; `origin`, when given, must be the log's. */
export const openLogCheckpoint = (
  note: string,
  verifiers: readonly NoteVerifier[],
  origin?: string,
): E.Either<string, OpenedLogCheckpoint> => {
  const opened = openNote(note, verifiers);
  if (E.isLeft(opened)) return opened;
  const checkpoint = parseLogCheckpointText(opened.right.text);
  if (E.isLeft(checkpoint)) return checkpoint;
  if (origin !== undefined && checkpoint.right.origin !== origin)
    return E.left(`the checkpoint is of log "${checkpoint.right.origin}", not "${origin}"`);
  return E.right({ checkpoint: checkpoint.right, signedBy: opened.right.signedBy });
};
