import { verifyEventFile } from '../event-file/verify-event-file';
import { formatChainBreak } from '../event-file/chain-check';
import { formatLineError } from '../event-file/line-error';
import { progressOnStderr } from '../output/progress';
import { FailureError, UsageError } from './usage-error';
import { ensureReadable } from './options';
import { headOf, verifyStore } from './verify-store';

export interface VerifyOptions {
  readonly events?: string;
  readonly store?: string;
  /** A chain hash noted earlier (`head …` of an earlier verify): the history must pass through it. */
  readonly head?: string;
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * `coachline verify --events FILE`: every line checked, every error listed, nothing written; the
 * hash chain too when the lines carry it. `coachline verify --store URL`: the store read without
 * writing to it, its hash chain recomputed in global order up to the first event altered, removed
 * or reordered, and every stored view compared with the events (verify-store.ts).
 */
export const verifyCommand = async (options: VerifyOptions, out: NodeJS.WritableStream): Promise<void> => {
  if ((options.events === undefined) === (options.store === undefined))
    throw new UsageError('verify needs either --events FILE or --store URL.');
  if (options.head !== undefined && !HASH.test(options.head))
    throw new UsageError('--head takes a chain hash: 64 lower-case hex digits, as verify prints it.');
  if (options.store !== undefined) return verifyStore(options.store, options.head, out);
  return verifyFile(options.events!, options.head, out);
};

const verifyFile = async (file: string, head: string | undefined, out: NodeJS.WritableStream): Promise<void> => {
  await ensureReadable(file);
  const progress = progressOnStderr('verify');
  const verification = await verifyEventFile(file, (count) => progress.tick(count), {
    chain: true,
    ...(head !== undefined ? { expectedHead: head } : {}),
  });
  progress.stop();
  const chain = verification.chain;
  const chainError = chain?.kind === 'broken' ? [`${file}:${chain.line}: ${formatChainBreak(chain.broken)}`] : [];
  const count = verification.errors.length + chainError.length;
  if (count > 0) {
    throw new FailureError(
      [
        ...verification.errors.map((e) => formatLineError(file, e)),
        ...chainError,
        `${count} error(s) in ${verification.events} event(s)`,
      ].join('\n'),
    );
  }
  out.write(
    `${file}: ${verification.events} events, no errors${chain?.kind === 'intact' ? `, chain intact, ${headOf(chain.verdict)}` : ''}\n`,
  );
};
