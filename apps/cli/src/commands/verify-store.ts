import { access } from 'node:fs/promises';
import * as E from 'fp-ts/Either';
import {
  ChainVerifier,
  type NoteVerifier,
  type ChainBreak,
  type ChainIntact,
  describeStoreFailure,
  redactStoreUrl,
} from '@coachline/eventstore';
import type * as PostgresAdapter from '@coachline/eventstore-postgres';
import type { ReadOnlyStore } from '@coachline/eventstore-postgres';
import { escapeUnsafe, printableText } from '@coachline/domain';
import { storedProjections } from '@coachline/projections';
import { StoredViewCheck, type StoredViewVerdict } from '@coachline/views';
import { formatChainBreak } from '../event-file/chain-check';
import { progressOnStderr } from '../output/progress';
import { type StoreLocation, storeLocationOf } from '../store/store-location';
import { FailureError, UsageError } from './usage-error';
import { formatViewDifference, formatViewVerdict } from './verify-views';
import { StoreTreeCheck, type StoreTreeVerdict } from '../verifiable/store-tree-check';
import { verifyEsdbTree } from '../verifiable/esdb-tree-check';

// Required only when a store is verified, so that `verify --events` starts without database clients.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const postgres = (): typeof PostgresAdapter => require('@coachline/eventstore-postgres');

export const headOf = (verdict: ChainIntact): string =>
  `head ${verdict.head === '' ? '(none)' : verdict.head}${verdict.expectedHeadAt !== undefined ? `, through the noted head at position ${verdict.expectedHeadAt}` : ''}`;

/** Opens a PostgreSQL or embedded store for reading only; what the command line says when it cannot. */
const openForReading = async (location: StoreLocation, shown: string): Promise<ReadOnlyStore> => {
  const adapter = postgres();
  try {
    if (location.kind === 'postgres')
      return await adapter.openPostgresStoreForReading({ connectionString: location.address });
    // Opening a folder that holds no store would create an empty one, which verifies trivially.
    await access(location.address);
    return await adapter.openPgliteStoreForReading({ dataDir: location.address });
  } catch (error) {
    if (error instanceof adapter.StoreSchemaError) throw new UsageError(`${shown}: ${error.message}`);
    if (error instanceof adapter.NoStoreError || (error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new FailureError(`${shown}: no store in this folder`);
    throw new FailureError(describeStoreFailure(location.address, error));
  }
};

interface StoreReading {
  readonly chain: E.Either<ChainBreak, ChainIntact>;
  readonly headPosition: number;
  /** Undefined when the chain broke: views folded from a history that does not verify prove nothing. */
  readonly views?: ReadonlyArray<StoredViewVerdict>;
  /** Undefined when the chain broke, for the same reason. */
  readonly tree?: StoreTreeVerdict;
}

/** One read of the history, in global order, serves the chain, the tree and every stored view. */
const readStore = async (
  store: ReadOnlyStore,
  expectedHead: string | undefined,
  given: readonly NoteVerifier[] | undefined,
): Promise<StoreReading> => {
  // Every read sees the transaction's one snapshot: no stored view or tree is ahead of the head read.
  const rows = await store.storedViews();
  const headPosition = await store.headPosition();
  const tree = await StoreTreeCheck.start(store.verifiableLog(), store.signedCheckpoints(), given);
  const chain = new ChainVerifier({ headPosition, ...(expectedHead !== undefined ? { expectedHead } : {}) });
  const views = new StoredViewCheck(rows, storedProjections, headPosition);
  const progress = progressOnStderr('verify');
  let count = 0;
  try {
    for await (const event of store.readAll()) {
      progress.tick(++count);
      const broken = chain.check(event);
      if (broken !== undefined) return { chain: E.left(broken), headPosition };
      views.push(event);
      await tree.push(event);
    }
  } finally {
    progress.stop();
  }
  const verdict = chain.finish();
  return E.isLeft(verdict)
    ? { chain: verdict, headPosition }
    : { chain: verdict, headPosition, views: views.finish(), tree: tree.finish() };
};

/** `memory:` holds nothing in a new process: an empty history with an empty chain. */
const verifyMemory = (out: NodeJS.WritableStream): void => {
  out.write('store: 0 events, chain intact, head (none)\n');
};

/**
 * `coachline verify --store URL`: the store is opened read only (its schema checked, never
 * migrated), its hash chain recomputed in global order, its tree too, held against the engine's
 * tree head and every signed checkpoint it keeps, and every stored view rebuilt from the events up
 * to its own position and compared with what is stored.
 */
export const verifyStore = async (
  url: string,
  head: string | undefined,
  out: NodeJS.WritableStream,
  given?: readonly NoteVerifier[],
): Promise<void> => {
  const location = storeLocationOf(url);
  const shown = escapeUnsafe(redactStoreUrl(location.address));
  // No global lock orders EventStoreDB's writers, so it keeps no chain to check (docs/auditing.md); its tree it does.
  if (location.kind === 'esdb') {
    if (head !== undefined)
      throw new UsageError(`--head: ${shown} keeps no hash chain (EventStoreDB), so no chain hash to pass through.`);
    return verifyEsdbTree(location, shown, given, out);
  }
  if (location.kind === 'memory') return verifyMemory(out);
  const store = await openForReading(location, shown);
  let reading: StoreReading;
  try {
    reading = await readStore(store, head, given);
  } catch (error) {
    if (error instanceof FailureError || error instanceof UsageError) throw error;
    throw new FailureError(
      `${shown}: the store cannot be read: ${printableText((error as Error).message ?? String(error))}`,
    );
  } finally {
    await store.close();
  }
  if (E.isLeft(reading.chain)) {
    throw new FailureError(
      `${shown}: ${formatChainBreak(reading.chain.left)}\n${shown}: stored views not compared: the history they fold does not verify`,
    );
  }
  const tree = reading.tree ?? { lines: [], faults: [] };
  if (tree.faults.length > 0)
    throw new FailureError(
      [
        ...tree.faults.map((fault) => `${shown}: ${fault}`),
        `${shown}: stored views not compared: the history they fold does not verify`,
      ].join('\n'),
    );
  out.write(`store: ${reading.chain.right.events} events, chain intact, ${headOf(reading.chain.right)}\n`);
  for (const line of tree.lines) out.write(`${line}\n`);
  const views = reading.views ?? [];
  if (views.length === 0) out.write('no stored views\n');
  const differing: string[] = [];
  for (const verdict of views) {
    if (verdict.kind === 'differs') differing.push(`${shown}: ${formatViewDifference(verdict)}`);
    else out.write(`${formatViewVerdict(verdict, reading.headPosition)}\n`);
  }
  if (differing.length > 0) {
    throw new FailureError(
      [...differing, `${shown}: ${differing.length} of ${views.length} stored view(s) differ from the events`].join(
        '\n',
      ),
    );
  }
};
