/** When the API signs a checkpoint (COACHLINE_CHECKPOINT_EVERY_EVENTS and _MINUTES). */
export interface CheckpointSchedule {
  /** Sign once the tree grew by this many events since the last checkpoint. */
  readonly everyEvents: number;
  /** Sign this many minutes after the last checkpoint, when the tree grew at all. */
  readonly everyMinutes: number;
}

/** The latest checkpoint as the schedule needs it: its size and when it was signed. */
export interface LastSigned {
  readonly size: number;
  readonly signedAt: string;
}

const MINUTE_MS = 60_000;

/**
 * Whether a checkpoint is due for a tree of `treeSize` events, `last` being the latest checkpoint
 * (or, before the first, the empty tree as of when the API started). Never while the tree has not
 * grown past it: a checkpoint of a size already signed says nothing new. Then by count or by time,
 * whichever comes first.
 */
export const checkpointDue = (schedule: CheckpointSchedule, treeSize: number, last: LastSigned, now: Date): boolean => {
  const grown = treeSize - last.size;
  if (grown <= 0) return false;
  return (
    grown >= schedule.everyEvents || now.getTime() - Date.parse(last.signedAt) >= schedule.everyMinutes * MINUTE_MS
  );
};
