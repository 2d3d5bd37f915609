import * as E from 'fp-ts/Either';
import { escapeUnsafe, printableText } from '@coachline/domain';
import {
  checkConsistencyProofFile,
  checkInclusionProof,
  type ConsistencyProofFile,
  encodeHashes,
  type InclusionProofFile,
  type StoredEvent,
} from '@coachline/eventstore';
import { checkOutputFile, writeOutputFile } from '../output/output-file';
import { readCheckpointFile } from '../verifiable/proof-input';
import { withVerifiableStore, type VerifiableStore } from '../verifiable/verifiable-store';
import { FailureError, UsageError } from './usage-error';
import { consistencyProofOf, orderedSizes, publishedVerifiers } from './verify-proofs';

export interface ProveOptions {
  readonly out: string;
  readonly store?: string;
  /** `--event ID`: prove that the signed tree holds this event. */
  readonly event?: string;
  /** `--from OLD [--to NEW]`: prove that the tree of NEW (else of the latest checkpoint) extends OLD's. */
  readonly from?: string;
  readonly to?: string;
}

const proofText = (proof: InclusionProofFile | ConsistencyProofFile): string => `${JSON.stringify(proof, null, 2)}\n`;

/**
 * The event at a leaf: in global order it is the event after `index` others. Positions of an
 * engine whose order has gaps are no count, so the event is then looked for by its id.
 */
const eventAtLeaf = async (store: VerifiableStore, index: number, id: string): Promise<StoredEvent> => {
  for await (const event of store.events.readAll({ after: index, batchSize: 1 })) {
    if (event.id === id) return event;
    break;
  }
  for await (const event of store.events.readAll()) if (event.id === id) return event;
  throw new FailureError(`${store.shown}: the tree holds event ${printableText(id)}, but the store's events do not`);
};

const inclusionProof = async (store: VerifiableStore, id: string): Promise<InclusionProofFile> => {
  const index = await store.log.leafIndexOf(id);
  if (index === undefined)
    throw new FailureError(`--event: the store's signed tree holds no event ${printableText(id)}`);
  // The latest checkpoint is the one an auditor holds, and any later check starts from it.
  const latest = await store.checkpoints.latest();
  const checkpoint = latest !== undefined && latest.size > index ? latest : undefined;
  if (checkpoint === undefined)
    throw new FailureError(
      `--event: no checkpoint covers event ${printableText(id)} yet (event ${index + 1} of the store); sign one with coachline checkpoint`,
    );
  const path = await store.log.inclusionProof(index, checkpoint.size);
  if (E.isLeft(path)) throw new FailureError(`${store.shown}: ${printableText(path.left)}`);
  const event = await eventAtLeaf(store, index, id);
  return {
    format: 'coachline-inclusion-proof/1',
    event: {
      id: event.id,
      stream: event.stream,
      revision: event.revision,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: event.metadata,
      position: event.position,
    },
    leafIndex: index,
    treeSize: checkpoint.size,
    proof: encodeHashes(path.right),
    checkpoint: checkpoint.note,
  };
};

const consistencyProof = async (
  store: VerifiableStore,
  fromFile: string,
  toFile: string | undefined,
): Promise<ConsistencyProofFile> => {
  const from = await readCheckpointFile(fromFile);
  const latest = toFile === undefined ? await store.checkpoints.latest() : undefined;
  if (toFile === undefined && latest === undefined)
    throw new FailureError(`${store.shown}: the store keeps no signed checkpoint; sign one with coachline checkpoint`);
  const to = toFile === undefined ? latest!.note : await readCheckpointFile(toFile);
  const { older, newer } = orderedSizes(
    from,
    to,
    await publishedVerifiers(store),
    fromFile,
    toFile ?? "the store's latest checkpoint",
  );
  const proof = await consistencyProofOf(store, older, newer);
  return { format: 'coachline-consistency-proof/1', from, to, proof: encodeHashes(proof) };
};

/**
 * `coachline prove --event ID --out FILE`: an inclusion proof of the event against the latest
 * signed checkpoint, once one covers it; `prove --from OLD [--to NEW] --out FILE`: a consistency proof
 * between two checkpoints (NEW: else the latest the store keeps). Each is checked with the keys
 * the store publishes before it is written (0600), so no proof the store cannot back leaves it.
 */
export const proveCommand = async (options: ProveOptions, out: NodeJS.WritableStream): Promise<void> => {
  const problems = [
    ...(options.event === undefined && options.from === undefined ? ['prove needs --event ID or --from OLD'] : []),
    ...(options.event !== undefined && options.from !== undefined ? ['--event and --from cannot go together'] : []),
    ...(options.to !== undefined && options.from === undefined ? ['--to needs --from'] : []),
  ];
  if (problems.length > 0) throw new UsageError(`${problems.join('; ')}.`);
  await checkOutputFile(options.out);
  const written = await withVerifiableStore(options.store, async (store) => {
    const verifiers = await publishedVerifiers(store);
    if (options.event !== undefined) {
      const proof = await inclusionProof(store, options.event);
      const checked = checkInclusionProof(proof, verifiers);
      if (E.isLeft(checked))
        throw new FailureError(`${store.shown}: the store's proof does not hold: ${printableText(checked.left)}`);
      return {
        text: proofText(proof),
        said: `the inclusion proof of event ${printableText(proof.event.id)} (event ${proof.leafIndex + 1} of the ${proof.treeSize} the checkpoint of ${printableText(checked.right.checkpoint.checkpoint.origin)} signed)`,
      };
    }
    const proof = await consistencyProof(store, options.from!, options.to);
    const checked = checkConsistencyProofFile(proof, verifiers);
    if (E.isLeft(checked))
      throw new FailureError(`${store.shown}: the store's proof does not hold: ${printableText(checked.left)}`);
    return {
      text: proofText(proof),
      said: `the consistency proof that ${checked.right.to.checkpoint.size} events extend the first ${checked.right.from.checkpoint.size}`,
    };
  });
  await writeOutputFile(options.out, [written.text]);
  out.write(`wrote ${written.said} to ${escapeUnsafe(options.out)}\n`);
};
