import { escapeUnsafe, printableText } from '@coachline/domain';
import type { NoteVerifier } from '@coachline/eventstore';
import { verifyEventFile } from '../event-file/verify-event-file';
import { formatChainBreak } from '../event-file/chain-check';
import { formatLineError } from '../event-file/line-error';
import { progressOnStderr } from '../output/progress';
import { trailingCheckpointLine } from '../verifiable/carried-checkpoint';
import { FileCheckpointCheck, type FileCheckpointVerdict } from '../verifiable/file-checkpoint';
import { formatCheckpointMatch } from '../verifiable/tree-against-checkpoint';
import { readGivenKeys, CARRIED_KEYS_NOTE } from '../verifiable/verifier-keys';
import { FailureError, UsageError } from './usage-error';
import { ensureReadable } from './options';
import { verifyConsistencyFile, verifyConsistencyInStore, verifyProofFile } from './verify-proofs';
import { headOf, verifyStore } from './verify-store';

export interface VerifyOptions {
  readonly events?: string;
  readonly store?: string;
  /** A chain hash noted earlier (`head …` of an earlier verify): the history must pass through it. */
  readonly head?: string;
  /** `--key`: the verifier key (or a file of them) checkpoints must be signed under. */
  readonly key?: string;
  /** `--proof FILE`: an inclusion proof file to check. */
  readonly proof?: string;
  /** `--consistency FILE`: a consistency proof file to check. */
  readonly consistency?: string;
  /** `--from OLD --to NEW`: two checkpoint files; the store proves the newer extends the older. */
  readonly from?: string;
  readonly to?: string;
}

const HASH = /^[0-9a-f]{64}$/;

const MODES =
  'verify needs one of --events FILE, --store URL, --proof FILE, --consistency FILE, or --from OLD --to NEW with --store URL';

/** Every way the options contradict each other, each naming the options at fault. */
const usageProblems = (o: VerifyOptions): string[] => {
  const problems: string[] = [];
  const given = (name: keyof VerifyOptions): boolean => o[name] !== undefined;
  const checks = (['events', 'proof', 'consistency'] as const).filter(given);
  const pair = given('from') || given('to');
  if (checks.length > 1) problems.push(`${checks.map((c) => `--${c}`).join(' and ')} cannot be checked together`);
  if (pair && checks.length > 0) problems.push(`--from/--to cannot go with --${checks[0]}`);
  if (given('from') !== given('to')) problems.push(given('from') ? '--from needs --to' : '--to needs --from');
  if (pair && !given('store'))
    problems.push('--from/--to need --store URL, the store that proves the newer extends the older');
  if (given('events') && given('store')) problems.push('--events and --store cannot be checked together');
  if (checks.length === 0 && !pair && !given('store')) problems.push(MODES);
  if (given('head') && (given('proof') || given('consistency') || pair))
    problems.push('--head goes only with --events or --store');
  if (given('head') && !HASH.test(o.head!))
    problems.push('--head takes a chain hash: 64 lower-case hex digits, as verify prints it');
  return problems;
};

/**
 * `coachline verify --events FILE`: every line checked, every error listed, nothing written; the
 * hash chain too when the lines carry it, and the tree of the events against the checkpoint the
 * file ends with. `coachline verify --store URL`: the store read without writing to it, its hash
 * chain recomputed in global order up to the first event altered, removed or reordered, its tree
 * against every checkpoint it keeps, and every stored view compared with the events
 * (verify-store.ts). `--proof`, `--consistency` and `--from/--to`: the proofs of verify-proofs.ts.
 */
export const verifyCommand = async (options: VerifyOptions, out: NodeJS.WritableStream): Promise<void> => {
  const problems = usageProblems(options);
  if (problems.length > 0) throw new UsageError(`${problems.join('; ')}.`);
  const given = options.key === undefined ? undefined : await readGivenKeys(options.key);
  if (options.proof !== undefined) return verifyProofFile(options.proof, given, options.store, out);
  if (options.consistency !== undefined) return verifyConsistencyFile(options.consistency, given, options.store, out);
  if (options.from !== undefined && options.to !== undefined)
    return verifyConsistencyInStore(options.from, options.to, options.store!, given, out);
  if (options.store !== undefined) return verifyStore(options.store, options.head, out, given);
  return verifyFile(options.events!, options.head, given, out);
};

/**
 * What the checkpoint check adds to the verdict. A file without one is said to prove nothing of its
 * end only when it is an export of a whole store (its chain intact), which could have carried one.
 */
const checkpointOutcome = (
  file: string,
  verdict: FileCheckpointVerdict,
  keysGiven: boolean,
  exported: boolean,
): { readonly lines: string[]; readonly error?: string } => {
  switch (verdict.kind) {
    case 'none':
      if (!keysGiven && !exported) return { lines: [] };
      return keysGiven
        ? {
            lines: [],
            error: `${escapeUnsafe(file)}: checkpoint: the file carries none to check --key against; its newest events cannot be proved`,
          }
        : { lines: ['checkpoint: none carried; events removed from the end of the file cannot be detected'] };
    case 'failed':
      return { lines: [], error: `${escapeUnsafe(file)}: checkpoint: ${printableText(verdict.reason)}` };
    case 'covered':
      return { lines: [formatCheckpointMatch(verdict), ...(verdict.keysGiven ? [] : [CARRIED_KEYS_NOTE])] };
  }
};

const verifyFile = async (
  file: string,
  head: string | undefined,
  given: readonly NoteVerifier[] | undefined,
  out: NodeJS.WritableStream,
): Promise<void> => {
  await ensureReadable(file);
  const checkpoint = FileCheckpointCheck.start(await trailingCheckpointLine(file), given);
  const progress = progressOnStderr('verify');
  const verification = await verifyEventFile(file, (count) => progress.tick(count), {
    chain: true,
    ...(head !== undefined ? { expectedHead: head } : {}),
    onWritten: (event, line) => checkpoint.push(event, line),
    onCheckpoint: (text) => checkpoint.carriedLine(text),
  });
  progress.stop();
  const chain = verification.chain;
  const chainError = chain?.kind === 'broken' ? [`${file}:${chain.line}: ${formatChainBreak(chain.broken)}`] : [];
  // A tree over lines that do not read as events proves nothing of them.
  const carried =
    verification.errors.length === 0
      ? checkpointOutcome(file, checkpoint.finish(), given !== undefined, chain?.kind === 'intact')
      : { lines: [] };
  const treeError = carried.error === undefined ? [] : [carried.error];
  const count = verification.errors.length + chainError.length + treeError.length;
  if (count > 0) {
    throw new FailureError(
      [
        ...verification.errors.map((e) => formatLineError(file, e)),
        ...chainError,
        ...treeError,
        `${count} error(s) in ${verification.events} event(s)`,
      ].join('\n'),
    );
  }
  out.write(
    `${file}: ${verification.events} events, no errors${chain?.kind === 'intact' ? `, chain intact, ${headOf(chain.verdict)}` : ''}\n`,
  );
  for (const line of carried.lines) out.write(`${line}\n`);
};
