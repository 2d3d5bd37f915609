import { encodeHashes, type OpenedStore, provenanceThrough } from '@coachline/eventstore';

/**
 * The line a view computed through a position ends with, on stderr beside the view: the tree of
 * the events up to that position (its size and root) and the first signed checkpoint that covers
 * it, with the consistency proof from that tree to the checkpoint's. The checkpoint's signed note
 * is the store's (`GET /checkpoints/{size}` of the API, which also answers the same proof in the
 * view's headers); with it and the published key an auditor checks the numbers' history offline.
 */
export const provenanceLine = async (store: OpenedStore, position: number): Promise<string> => {
  const { verifiableLog: log, signedCheckpoints: checkpoints } = store;
  const through = `through position ${position}`;
  if (log === undefined || checkpoints === undefined)
    return `${through}: this store keeps no signed tree of its events, so no checkpoint covers the view`;
  const provenance = await provenanceThrough({ events: store, log, checkpoints }, position);
  if (provenance === undefined)
    return `${through}: the store's tree does not hold this position yet, so no checkpoint covers the view`;
  const tree = `${through}: tree of ${provenance.size} events, root ${Buffer.from(provenance.root).toString('base64')}`;
  if (provenance.covering === undefined)
    return `${tree}; no signed checkpoint covers it yet (coachline checkpoint signs one)`;
  const { checkpoint, consistency } = provenance.covering;
  const proof = encodeHashes(consistency).join(',');
  return `${tree}; first covered by the signed checkpoint of ${checkpoint.size} events (signed ${checkpoint.signedAt}, GET /checkpoints/${checkpoint.size}); consistency proof ${provenance.size}→${checkpoint.size}: ${proof === '' ? '(none needed: the same tree)' : proof}`;
};
