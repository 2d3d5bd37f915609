import type { NoteVerifier } from '@coachline/eventstore';
import { printableText } from '@coachline/domain';
import { FailureError } from '../commands/usage-error';
import { progressOnStderr } from '../output/progress';
import type { StoreLocation } from '../store/store-location';
import { StoreTreeCheck } from './store-tree-check';
import { withVerifiableStore } from './verifiable-store';

/**
 * `verify --store esdb://…`: EventStoreDB keeps no hash chain and no stored views, but it keeps the
 * tree and its checkpoints; the tree is recomputed from `$all` and held against them.
 */
export const verifyEsdbTree = async (
  location: StoreLocation,
  shown: string,
  given: readonly NoteVerifier[] | undefined,
  out: NodeJS.WritableStream,
): Promise<void> => {
  const { events, verdict, sealed } = await withVerifiableStore(location.address, async (store) => {
    const check = await StoreTreeCheck.start(store.log, store.checkpoints, given);
    const progress = progressOnStderr('verify');
    let count = 0;
    try {
      for await (const event of store.events.readAll()) {
        progress.tick(++count);
        await check.push(event);
      }
    } catch (error) {
      throw new FailureError(`${shown}: the store cannot be read: ${printableText((error as Error).message)}`);
    } finally {
      progress.stop();
    }
    // Proofs are served from the sealed chunks, so they are held against the events too.
    return { events: count, verdict: check.finish(), sealed: await store.compareSealedTree() };
  });
  const chunkFault =
    sealed?.kind === 'altered'
      ? [`tree: sealed chunk ${sealed.chunk} differs from the events: ${printableText(sealed.reason)}`]
      : [];
  const faults = [...chunkFault, ...verdict.faults];
  if (faults.length > 0) throw new FailureError(faults.map((fault) => `${shown}: ${fault}`).join('\n'));
  out.write(`store: ${events} events (EventStoreDB keeps no hash chain)\n`);
  if (sealed?.kind === 'intact' && sealed.chunks > 0)
    out.write(`tree: ${sealed.chunks} sealed chunk(s), each matching the events\n`);
  for (const line of verdict.lines) out.write(`${line}\n`);
};
