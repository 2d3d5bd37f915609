import type { LockedHead, StreamTip, WrittenBatch } from './append-batch';

/** Streams whose tips a writer keeps; past this, the least recently written go first. */
export const DEFAULT_KEPT_STREAMS = 10_000;

export const sameHead = (one: LockedHead, other: LockedHead): boolean =>
  one.position === other.position && one.chain === other.chain;

/**
 * The head and stream tips as this writer's last commit left them, so that the next group commit can
 * be planned without reading them. They are only ever a claim about that head: a commit planned on
 * them writes only while the head is still there, so tips another process has since moved are never
 * written on, only read again.
 */
export class KeptHead {
  private kept: LockedHead | undefined;
  // `undefined` is kept too: a stream known to have no events at the kept head.
  private readonly tips = new Map<string, StreamTip | undefined>();

  constructor(private readonly maxStreams = DEFAULT_KEPT_STREAMS) {}

  get head(): LockedHead | undefined {
    return this.kept;
  }

  knows(stream: string): boolean {
    return this.tips.has(stream);
  }

  tipOf(stream: string): StreamTip | undefined {
    return this.tips.get(stream);
  }

  /** Tips read in one snapshot with the kept head. */
  learn(tips: ReadonlyMap<string, StreamTip | undefined>): void {
    for (const [stream, tip] of tips) this.remember(stream, tip);
  }

  /** The head and tips a commit left; tips kept from before it stay only if it started from the kept head. */
  keep(written: WrittenBatch): void {
    if (this.kept === undefined || !sameHead(this.kept, written.startedAt)) this.tips.clear();
    this.kept = written.head;
    for (const [stream, tip] of written.tips) this.remember(stream, tip);
  }

  private remember(stream: string, tip: StreamTip | undefined): void {
    // Deleted first so that the stream moves to the end of the Map's order: the oldest go first.
    this.tips.delete(stream);
    this.tips.set(stream, tip);
    if (this.tips.size > this.maxStreams) {
      const oldest = this.tips.keys().next();
      if (oldest.done !== true) this.tips.delete(oldest.value);
    }
  }
}
