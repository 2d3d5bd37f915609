import * as E from 'fp-ts/Either';
import { printableText } from '@coachline/domain';
import {
  canonicalContent,
  eventLeafHash,
  openLogCheckpoint,
  parseVerifierKeys,
  type CheckpointLog,
  type NoteVerifier,
  type StoredCheckpoint,
  type StoredEvent,
  type TreeHead,
  type VerifiableLog,
} from '@coachline/eventstore';
import { RecomputedTree } from './recomputed-tree';
import { treeAgainstCheckpoint } from './tree-against-checkpoint';
import { STORE_KEYS_NOTE } from './verifier-keys';

/** What the tree check of a store found: lines to print when all holds, else the faults, one a line. */
export interface StoreTreeVerdict {
  readonly lines: readonly string[];
  readonly faults: readonly string[];
}

const PAGE = 1000;

const everyCheckpoint = async (checkpoints: CheckpointLog): Promise<StoredCheckpoint[]> => {
  const all: StoredCheckpoint[] = [];
  for (let page = await checkpoints.list({ limit: PAGE }); page.length > 0;) {
    all.push(...page);
    page = page.length < PAGE ? [] : await checkpoints.list({ after: page[page.length - 1]!.size, limit: PAGE });
  }
  return all;
};

const equal = (a: Uint8Array | undefined, b: Uint8Array): boolean =>
  a !== undefined && Buffer.from(a).equals(Buffer.from(b));

/**
 * A store's tree recomputed from its events in global order, held against the tree head its
 * engine keeps and against every checkpoint it keeps: each signed under the verifier keys (given,
 * else those the store publishes), each reached by the events and with the signed root there. Rows
 * deleted at the end of the history leave the chain whole, but not a checkpoint that covered them.
 */
export class StoreTreeCheck {
  private constructor(
    private readonly head: TreeHead,
    private readonly checkpoints: readonly StoredCheckpoint[],
    private readonly verifiers: E.Either<string, readonly NoteVerifier[]>,
    private readonly keysGiven: boolean,
    private readonly tree: RecomputedTree,
  ) {}

  /** Reads what the events are held against; on PostgreSQL in the snapshot the events are read in. */
  static async start(
    log: VerifiableLog,
    checkpointLog: CheckpointLog,
    given: readonly NoteVerifier[] | undefined,
  ): Promise<StoreTreeCheck> {
    const head = await log.treeHead();
    const checkpoints = await everyCheckpoint(checkpointLog);
    const verifiers = given !== undefined ? E.right(given) : parseVerifierKeys(await checkpointLog.publishedKeys());
    const sizes = new Set([head.size, ...checkpoints.map((c) => c.size)]);
    return new StoreTreeCheck(head, checkpoints, verifiers, given !== undefined, new RecomputedTree(sizes));
  }

  async push(event: StoredEvent): Promise<void> {
    await this.tree.push(eventLeafHash(canonicalContent(event)));
  }

  finish(): StoreTreeVerdict {
    const events = this.tree.size;
    const faults: string[] = [];
    if (events < this.head.size)
      faults.push(
        `tree: the store's tree holds ${this.head.size} events, only ${events} are left: the newest ${this.head.size - events} were removed`,
      );
    else if (!equal(this.tree.rootAt(this.head.size), this.head.root))
      faults.push(
        `tree: the first ${this.head.size} events do not hash to the root of the store's tree: one of them was altered, removed or moved`,
      );
    if (E.isLeft(this.verifiers))
      return { lines: [], faults: [...faults, `checkpoints: ${printableText(this.verifiers.left)}`] };
    const verifiers = this.verifiers.right;
    if (this.checkpoints.length > 0 && verifiers.length === 0)
      faults.push('checkpoints: the store keeps signed checkpoints but publishes no verifier key; give one with --key');
    let latest: { readonly size: number; readonly origin: string; readonly signedBy: readonly string[] } | undefined;
    for (const stored of this.checkpoints) {
      const opened = openLogCheckpoint(stored.note, verifiers, latest?.origin);
      if (E.isLeft(opened)) {
        faults.push(`checkpoint of ${stored.size} events: refused: ${printableText(opened.left)}`);
        continue;
      }
      if (opened.right.checkpoint.size !== stored.size) {
        faults.push(`checkpoint of ${stored.size} events: the signed note names ${opened.right.checkpoint.size}`);
        continue;
      }
      const match = treeAgainstCheckpoint(opened.right, events, this.tree.rootAt(stored.size));
      if (E.isLeft(match)) faults.push(`checkpoint of ${stored.size} events: ${printableText(match.left)}`);
      else latest = match.right;
    }
    if (faults.length > 0) return { lines: [], faults };
    const lines = [`tree: ${this.head.size} events sealed, the root of the store's tree recomputed from them`];
    if (latest === undefined)
      lines.push('checkpoints: none signed yet; events removed from the end of the store cannot be detected');
    else {
      const after = events - latest.size;
      lines.push(
        `checkpoints: ${this.checkpoints.length} signed, each matching the events; the latest covers ${latest.size} events (signed by ${latest.signedBy.map((s) => printableText(s)).join(', ')})${after > 0 ? `; ${after} event(s) after it not yet covered by a checkpoint` : ''}`,
      );
      if (!this.keysGiven) lines.push(STORE_KEYS_NOTE);
    }
    return { lines, faults };
  }
}
