import * as E from 'fp-ts/Either';
import { canonicalContent, eventLeafHash, openLogCheckpoint, type NoteVerifier } from '@coachline/eventstore';
import type { WrittenEvent } from '../event-file/chain-check';
import { decodeCheckpointLine } from './carried-checkpoint';
import { RecomputedTree } from './recomputed-tree';
import { carriedKeys } from './verifier-keys';
import { treeAgainstCheckpoint, type CheckpointMatch } from './tree-against-checkpoint';

/** What the checkpoint an event file carries says of the file. */
export type FileCheckpointVerdict =
  | { readonly kind: 'none' }
  | { readonly kind: 'failed'; readonly reason: string }
  | ({ readonly kind: 'covered'; readonly keysGiven: boolean } & CheckpointMatch);

/**
 * The check of an event file against the checkpoint it carries: every event's leaf goes into a
 * recomputed tree, whose root at the checkpoint's size must be the one signed. The size is read
 * from the file's last line before the events stream past; the line the reader hands back at the
 * end is the one held to.
 */
export class FileCheckpointCheck {
  private readonly tree: RecomputedTree;
  private unhashable: string | undefined;
  private carried: string | undefined;

  private constructor(
    private readonly expected: string | undefined,
    private readonly given: readonly NoteVerifier[] | undefined,
    size: number | undefined,
  ) {
    this.tree = new RecomputedTree(new Set(size === undefined ? [] : [size]));
  }

  /** `trailing`: the file's last line when it is a checkpoint line; `given`: the keys of `--key`. */
  static start(trailing: string | undefined, given: readonly NoteVerifier[] | undefined): FileCheckpointCheck {
    return new FileCheckpointCheck(trailing, given, trailing === undefined ? undefined : sizeNamedIn(trailing));
  }

  async push(event: WrittenEvent, line: number): Promise<void> {
    if (this.unhashable !== undefined) return;
    if (event.revision === undefined) {
      this.unhashable = `line ${line} has no revision, which an event's leaf covers`;
      return;
    }
    await this.tree.push(eventLeafHash(canonicalContent({ ...event, revision: event.revision })));
  }

  /** The checkpoint line as the reader found it, last in the file. */
  carriedLine(text: string): void {
    this.carried = text;
  }

  finish(): FileCheckpointVerdict {
    if (this.carried === undefined) return { kind: 'none' };
    if (this.carried !== this.expected) return { kind: 'failed', reason: 'the file changed while it was being read' };
    if (this.unhashable !== undefined) return { kind: 'failed', reason: this.unhashable };
    const carried = decodeCheckpointLine(this.carried);
    if (E.isLeft(carried)) return { kind: 'failed', reason: carried.left };
    const verifiers =
      this.given !== undefined ? E.right(this.given) : carriedKeys(carried.right.keys, 'the checkpoint line');
    if (E.isLeft(verifiers)) return { kind: 'failed', reason: verifiers.left };
    const opened = openLogCheckpoint(carried.right.note, verifiers.right);
    if (E.isLeft(opened)) return { kind: 'failed', reason: `the checkpoint is refused: ${opened.left}` };
    const { size } = opened.right.checkpoint;
    const match = treeAgainstCheckpoint(opened.right, this.tree.size, this.tree.rootAt(size));
    return E.isLeft(match)
      ? { kind: 'failed', reason: match.left }
      : { kind: 'covered', keysGiven: this.given !== undefined, ...match.right };
  }
}

/** The size line of a checkpoint line's note, read loosely: only to know where to note the root. */
const sizeNamedIn = (line: string): number | undefined => {
  const carried = decodeCheckpointLine(line);
  if (E.isLeft(carried)) return undefined;
  const size = Number(carried.right.note.split('\n')[1]);
  return Number.isSafeInteger(size) && size >= 0 ? size : undefined;
};
