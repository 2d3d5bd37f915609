import { access } from 'node:fs/promises';
import * as E from 'fp-ts/Either';
import { verifyChain, type ChainIntact } from '@coachline/eventstore';
import { verifyEventFile } from '../event-file/verify-event-file';
import { formatChainBreak } from '../event-file/chain-check';
import { formatLineError } from '../event-file/line-error';
import { progressOnStderr } from '../output/progress';
import { isEsdbUrl, openStore } from '../store/open-store';
import { FailureError, UsageError } from './usage-error';
import { ensureReadable } from './options';

export interface VerifyOptions {
  readonly events?: string;
  readonly store?: string;
  /** A chain hash noted earlier (`head …` of an earlier verify): the history must pass through it. */
  readonly head?: string;
}

const HASH = /^[0-9a-f]{64}$/;

const headOf = (verdict: ChainIntact): string =>
  `head ${verdict.head === '' ? '(none)' : verdict.head}${verdict.expectedHeadAt !== undefined ? `, through the noted head at position ${verdict.expectedHeadAt}` : ''}`;

/**
 * `coachline verify --events FILE`: every line checked, every error listed, nothing written; the
 * hash chain too when the lines carry it. `coachline verify --store URL`: the store's hash chain
 * recomputed in global order, up to the first event altered, removed or reordered.
 */
export const verifyCommand = async (options: VerifyOptions, out: NodeJS.WritableStream): Promise<void> => {
  if ((options.events === undefined) === (options.store === undefined)) throw new UsageError('verify needs either --events FILE or --store URL.');
  if (options.head !== undefined && !HASH.test(options.head)) throw new UsageError('--head takes a chain hash: 64 lower-case hex digits, as verify prints it.');
  if (options.store !== undefined) return verifyStore(options.store, options.head, out);
  return verifyFile(options.events!, options.head, out);
};

const verifyFile = async (file: string, head: string | undefined, out: NodeJS.WritableStream): Promise<void> => {
  await ensureReadable(file);
  const progress = progressOnStderr('verify');
  const verification = await verifyEventFile(file, (count) => progress.tick(count), { chain: true, ...(head !== undefined ? { expectedHead: head } : {}) });
  progress.stop();
  const chain = verification.chain;
  const chainError = chain?.kind === 'broken' ? [`${file}:${chain.line}: ${formatChainBreak(chain.broken)}`] : [];
  const count = verification.errors.length + chainError.length;
  if (count > 0) {
    throw new FailureError(
      [...verification.errors.map((e) => formatLineError(file, e)), ...chainError, `${count} error(s) in ${verification.events} event(s)`].join('\n'),
    );
  }
  out.write(`${file}: ${verification.events} events, no errors${chain?.kind === 'intact' ? `, chain intact, ${headOf(chain.verdict)}` : ''}\n`);
};

const verifyStore = async (location: string, head: string | undefined, out: NodeJS.WritableStream): Promise<void> => {
  // No global lock orders EventStoreDB's writers, so it keeps no chain to check (docs/auditing.md).
  if (isEsdbUrl(location)) throw new UsageError(`${location}: this store keeps no hash chain (EventStoreDB); verify an export of it with --events instead.`);
  // Opening a folder that holds no store would create an empty one, which verifies trivially.
  if (location !== 'memory:' && !/^postgres(ql)?:\/\//.test(location)) {
    await access(location).catch(() => {
      throw new FailureError(`${location}: no store in this folder`);
    });
  }
  const store = await openStore(location);
  try {
    const progress = progressOnStderr('verify');
    let count = 0;
    const counted = async function* () {
      for await (const event of store.readAll()) {
        progress.tick(++count);
        yield event;
      }
    };
    // The head is read first: whatever is appended during the read only lengthens the history read.
    const headPosition = await store.headPosition();
    const verdict = await verifyChain(counted(), { headPosition, ...(head !== undefined ? { expectedHead: head } : {}) });
    progress.stop();
    if (E.isLeft(verdict)) throw new FailureError(`${location}: ${formatChainBreak(verdict.left)}`);
    out.write(`store: ${verdict.right.events} events, chain intact, ${headOf(verdict.right)}\n`);
  } finally {
    await store.close();
  }
};
