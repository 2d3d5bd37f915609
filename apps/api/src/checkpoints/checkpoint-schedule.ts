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
 * Whether a checkpoint is due for a tree of `treeSize` events. Never while the tree has not grown
 * (a checkpoint of a size already signed says nothing new); at once when nothing was signed yet
 * (so a store is covered from its first start); then by count or by time, whichever comes first.
 */
export const checkpointDue = (
  schedule: CheckpointSchedule,
  treeSize: number,
  last: LastSigned | undefined,
  now: Date,
): boolean => {
  const grown = treeSize - (last?.size ?? 0);
  if (grown <= 0) return false;
  if (last === undefined || grown >= schedule.everyEvents) return true;
  return now.getTime() - Date.parse(last.signedAt) >= schedule.everyMinutes * MINUTE_MS;
};
