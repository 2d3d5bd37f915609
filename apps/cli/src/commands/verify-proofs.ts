import * as E from 'fp-ts/Either';
import { escapeUnsafe, printableText } from '@coachline/domain';
import {
  checkConsistency,
  checkConsistencyProofFile,
  checkInclusionProof,
  decodeConsistencyProofFile,
  decodeInclusionProofFile,
  openLogCheckpoint,
  parseVerifierKeys,
  type NoteVerifier,
  type ProvenConsistency,
} from '@coachline/eventstore';
import { readCheckpointFile, readProofFile } from '../verifiable/proof-input';
import { STORE_KEYS_NOTE } from '../verifiable/verifier-keys';
import { withVerifiableStore, type VerifiableStore } from '../verifiable/verifiable-store';
import { FailureError, UsageError } from './usage-error';

/** The keys a proof is checked with: those given, else those the store publishes (which proves less). */
const keysFor = async (
  what: string,
  given: readonly NoteVerifier[] | undefined,
  store: string | undefined,
): Promise<{ readonly verifiers: readonly NoteVerifier[]; readonly fromStore: boolean }> => {
  if (given !== undefined) return { verifiers: given, fromStore: false };
  if (store === undefined)
    throw new UsageError(
      `${what} needs --key with the store's verifier key (or --store URL to take the keys it publishes, which proves less).`,
    );
  return { verifiers: await withVerifiableStore(store, publishedVerifiers), fromStore: true };
};

export const publishedVerifiers = async (store: VerifiableStore): Promise<NoteVerifier[]> => {
  const keys = await store.checkpoints.publishedKeys();
  if (keys.length === 0) throw new FailureError(`${store.shown}: the store publishes no verifier key yet`);
  const parsed = parseVerifierKeys(keys);
  if (E.isLeft(parsed)) throw new FailureError(`${store.shown}: ${printableText(parsed.left)}`);
  return parsed.right;
};

const storeKeysNote = (fromStore: boolean, out: NodeJS.WritableStream): void => {
  if (fromStore) out.write(`${STORE_KEYS_NOTE}\n`);
};

/**
 * `verify --proof FILE`: offline, with only the file and the verifier key, that the signed tree of
 * the store holds the event the file gives: the checkpoint's signature, then the event's leaf up
 * its audit path to the signed root.
 */
export const verifyProofFile = async (
  file: string,
  given: readonly NoteVerifier[] | undefined,
  store: string | undefined,
  out: NodeJS.WritableStream,
): Promise<void> => {
  const proof = await readProofFile(file, decodeInclusionProofFile);
  const { verifiers, fromStore } = await keysFor('--proof', given, store);
  const checked = checkInclusionProof(proof, verifiers);
  if (E.isLeft(checked)) throw new FailureError(`${escapeUnsafe(file)}: ${printableText(checked.left)}`);
  const { checkpoint, signedBy } = checked.right.checkpoint;
  out.write(
    `${escapeUnsafe(file)}: event ${printableText(proof.event.id)} (stream ${printableText(proof.event.stream)}, revision ${proof.event.revision}) is event ${proof.leafIndex + 1} of the ${checkpoint.size} the checkpoint of ${printableText(checkpoint.origin)} signed (signed by ${signedBy.map((s) => printableText(s)).join(', ')})\n`,
  );
  storeKeysNote(fromStore, out);
};

const formatConsistency = (proven: ProvenConsistency): string => {
  const older = proven.from.checkpoint;
  const newer = proven.to.checkpoint;
  return `consistent: the ${newer.size} events of the newer checkpoint of ${printableText(newer.origin)} extend the ${older.size} of the older; none of those ${older.size} changed`;
};

/** `verify --consistency FILE`: offline, that the newer checkpoint's tree extends the older's. */
export const verifyConsistencyFile = async (
  file: string,
  given: readonly NoteVerifier[] | undefined,
  store: string | undefined,
  out: NodeJS.WritableStream,
): Promise<void> => {
  const proof = await readProofFile(file, decodeConsistencyProofFile);
  const { verifiers, fromStore } = await keysFor('--consistency', given, store);
  const checked = checkConsistencyProofFile(proof, verifiers);
  if (E.isLeft(checked)) throw new FailureError(`${escapeUnsafe(file)}: ${printableText(checked.left)}`);
  out.write(`${escapeUnsafe(file)}: ${formatConsistency(checked.right)}\n`);
  storeKeysNote(fromStore, out);
};

/** The sizes of two checkpoints, refusing a pair given the wrong way round. */
export const orderedSizes = (
  from: string,
  to: string,
  verifiers: readonly NoteVerifier[],
  fromFile: string,
  toFile: string,
): { readonly older: number; readonly newer: number } => {
  const older = openLogCheckpoint(from, verifiers);
  if (E.isLeft(older))
    throw new FailureError(`${escapeUnsafe(fromFile)}: the checkpoint is refused: ${printableText(older.left)}`);
  const newer = openLogCheckpoint(to, verifiers);
  if (E.isLeft(newer))
    throw new FailureError(`${escapeUnsafe(toFile)}: the checkpoint is refused: ${printableText(newer.left)}`);
  const [a, b] = [older.right.checkpoint, newer.right.checkpoint];
  if (a.origin !== b.origin)
    throw new FailureError(
      `--from is a checkpoint of log ${printableText(a.origin)}, --to of log ${printableText(b.origin)}: no proof joins two logs`,
    );
  if (a.size > b.size)
    throw new FailureError(
      `--from signed ${a.size} events, --to only ${b.size}: --from takes the older checkpoint, --to the newer (are they swapped?)`,
    );
  return { older: a.size, newer: b.size };
};

/** The store's proof that the tree of `newer` events extends the tree of `older`. */
export const consistencyProofOf = async (store: VerifiableStore, older: number, newer: number) => {
  const proof = await store.log.consistencyProof(older, newer);
  if (E.isLeft(proof))
    throw new FailureError(
      `${store.shown}: the store cannot prove ${newer} events extend ${older}: ${printableText(proof.left)}`,
    );
  return proof.right;
};

/**
 * `verify --from OLD --to NEW --store URL`: the store hands the consistency proof, which proves
 * nothing by itself; the two signed checkpoints are what it is checked against.
 */
export const verifyConsistencyInStore = async (
  fromFile: string,
  toFile: string,
  url: string,
  given: readonly NoteVerifier[] | undefined,
  out: NodeJS.WritableStream,
): Promise<void> => {
  const [from, to] = [await readCheckpointFile(fromFile), await readCheckpointFile(toFile)];
  const { proven, fromStore } = await withVerifiableStore(url, async (store) => {
    const verifiers = given ?? (await publishedVerifiers(store));
    const { older, newer } = orderedSizes(from, to, verifiers, fromFile, toFile);
    const proof = await consistencyProofOf(store, older, newer);
    return { proven: checkConsistency(from, to, proof, verifiers), fromStore: given === undefined };
  });
  if (E.isLeft(proven)) throw new FailureError(`${escapeUnsafe(toFile)}: ${printableText(proven.left)}`);
  out.write(`${formatConsistency(proven.right)}\n`);
  storeKeysNote(fromStore, out);
};
